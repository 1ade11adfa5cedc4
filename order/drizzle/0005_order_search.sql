CREATE TABLE `order_search_pending` (
	`order_id` text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE `order_search_progress` (
	`id` integer PRIMARY KEY NOT NULL,
	`indexed_rowid` integer NOT NULL,
	`indexed_order_id` text
);

--> statement-breakpoint
-- Written by hand below: drizzle has no full-text tables. The trigram tokenizer finds any part of
-- three characters or more (a name, an e-mail, a phone number) through the index. Each row holds an
-- order id and its search text, written by the search indexer (order/src/store/search-index.ts),
-- which starts from the first order: the orders made before this migration are indexed after it.
CREATE VIRTUAL TABLE `order_search` USING fts5(order_id UNINDEXED, text, tokenize = 'trigram');
--> statement-breakpoint
INSERT INTO `order_search_progress` (`id`, `indexed_rowid`) VALUES (1, 0);
--> statement-breakpoint
CREATE TRIGGER `orders_search_changed` AFTER UPDATE OF `customer_name`, `customer_email`, `customer_phone` ON `orders` BEGIN
  INSERT OR IGNORE INTO `order_search_pending` (`order_id`) VALUES (new.`id`);
END;
