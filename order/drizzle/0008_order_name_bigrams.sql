-- Written by hand: a second full-text table for searches of two characters (a family name such as
-- 佐藤 alone), which the trigram index of 0005 cannot serve. Each row holds an order id and the
-- pairs of adjacent characters of its name as searched (without spaces), as words: 佐藤花子 is
-- "佐藤 藤花 花子". Only names get pairs: a term of two characters that is not ASCII can be in no
-- e-mail address (ASCII only) and no phone number (digits).
CREATE VIRTUAL TABLE `order_name_bigrams` USING fts5(order_id UNINDEXED, bigrams, tokenize = 'unicode61 remove_diacritics 0');
--> statement-breakpoint
-- The search indexer writes both tables from one position: it starts again from the first order,
-- and until it has passed an order, a search reads that order directly, as after 0005.
DELETE FROM `order_search`;
--> statement-breakpoint
UPDATE `order_search_progress` SET `indexed_rowid` = 0, `indexed_order_id` = NULL;
