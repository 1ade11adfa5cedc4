ALTER TABLE `orders` ADD `tracking_key` text;--> statement-breakpoint
CREATE INDEX `orders_tracking` ON `orders` (`tracking_key`) WHERE tracking_key is not null;
--> statement-breakpoint
-- Written by hand: orders shipped before this migration get their key as domain/tracking-number
-- computes it (dashes, spaces and full-width digits removed or made narrow; full-width letters,
-- which no carrier prints, are left as they are).
UPDATE `orders` SET `tracking_key` = replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(upper(`tracking_number`), '-', ''), ' ', ''), '　', ''), '－', ''), 'ー', ''), 'ｰ', ''), '−', ''), '‐', ''), '‑', ''), '‒', ''), '–', ''), '—', ''), '―', ''), '０', '0'), '１', '1'), '２', '2'), '３', '3'), '４', '4'), '５', '5'), '６', '6'), '７', '7'), '８', '8'), '９', '9') WHERE `tracking_number` IS NOT NULL;
