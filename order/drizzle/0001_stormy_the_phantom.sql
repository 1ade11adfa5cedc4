CREATE TABLE `import_errors` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`import_id` text NOT NULL,
	`row` integer NOT NULL,
	`column` text,
	`message` text NOT NULL,
	FOREIGN KEY (`import_id`) REFERENCES `imports`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `import_errors_import` ON `import_errors` (`import_id`,`row`);--> statement-breakpoint
CREATE TABLE `import_orders` (
	`import_id` text NOT NULL,
	`seq` integer NOT NULL,
	`order_ref` text NOT NULL,
	`payload` text NOT NULL,
	`order_id` text,
	`payment_done` integer DEFAULT false NOT NULL,
	`notified` integer DEFAULT false NOT NULL,
	PRIMARY KEY(`import_id`, `seq`),
	FOREIGN KEY (`import_id`) REFERENCES `imports`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `imports` (
	`id` text PRIMARY KEY NOT NULL,
	`status` text NOT NULL,
	`file_name` text,
	`encoding` text NOT NULL,
	`total_rows` integer NOT NULL,
	`total_orders` integer NOT NULL,
	`valid_orders` integer NOT NULL,
	`error_rows` integer NOT NULL,
	`processed` integer DEFAULT 0 NOT NULL,
	`succeeded` integer DEFAULT 0 NOT NULL,
	`failed` integer DEFAULT 0 NOT NULL,
	`payments_completed` integer DEFAULT 0 NOT NULL,
	`payments_failed` integer DEFAULT 0 NOT NULL,
	`notifications_sent` integer DEFAULT 0 NOT NULL,
	`error` text,
	`created_at` text NOT NULL,
	`started_at` text,
	`finished_at` text
);
