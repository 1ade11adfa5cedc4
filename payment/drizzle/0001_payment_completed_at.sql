ALTER TABLE `payments` ADD `completed_at` text;--> statement-breakpoint
-- Payments taken before this column existed: a COMPLETED payment's last move was its completion; a
-- refunded one has moved since, so it keeps the date the ledger gave it until now (its creation).
UPDATE `payments` SET `completed_at` = CASE WHEN `status` = 'COMPLETED' THEN `updated_at` ELSE `created_at` END WHERE `status` IN ('COMPLETED', 'PARTIALLY_REFUNDED', 'REFUNDED');
