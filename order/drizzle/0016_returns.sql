CREATE TABLE `order_returns` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`return_id` text NOT NULL,
	`order_id` text NOT NULL,
	`item_id` text NOT NULL,
	`product_name` text NOT NULL,
	`quantity` integer NOT NULL,
	`unit_price` integer NOT NULL,
	`amount` integer NOT NULL,
	`tax_rate` integer NOT NULL,
	`reason` text,
	`operator` text,
	`created_at` text NOT NULL,
	`refunded_at` text,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `order_returns_order` ON `order_returns` (`order_id`,`id`);--> statement-breakpoint
CREATE INDEX `order_returns_created` ON `order_returns` (`created_at`);