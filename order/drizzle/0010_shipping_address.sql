ALTER TABLE `orders` ADD `shipping_postal_code` text;--> statement-breakpoint
ALTER TABLE `orders` ADD `shipping_prefecture` text;--> statement-breakpoint
ALTER TABLE `orders` ADD `shipping_address_line1` text;--> statement-breakpoint
ALTER TABLE `orders` ADD `shipping_address_line2` text;