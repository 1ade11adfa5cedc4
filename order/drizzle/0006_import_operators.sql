ALTER TABLE `imports` ADD `uploaded_by` text;--> statement-breakpoint
ALTER TABLE `imports` ADD `started_by` text;