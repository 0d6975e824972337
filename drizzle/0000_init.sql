CREATE TABLE `article_cases` (
	`article_id` integer NOT NULL,
	`case_id` text NOT NULL,
	`score` real NOT NULL,
	`evidence` text NOT NULL,
	`origin` text DEFAULT 'auto' NOT NULL,
	PRIMARY KEY(`article_id`, `case_id`),
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `article_cases_case_idx` ON `article_cases` (`case_id`,`article_id`);--> statement-breakpoint
CREATE TABLE `articles` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`url` text NOT NULL,
	`guid` text,
	`source_id` text NOT NULL,
	`title` text NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`content_text` text DEFAULT '' NOT NULL,
	`author` text,
	`published_at` text,
	`fetched_at` text NOT NULL,
	`sort_at` text NOT NULL,
	`topic` text DEFAULT 'not-relevant' NOT NULL,
	`relevance` real DEFAULT 0 NOT NULL,
	`dedupe_key` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `articles_url_unique` ON `articles` (`url`);--> statement-breakpoint
CREATE INDEX `articles_dedupe_key_idx` ON `articles` (`dedupe_key`);--> statement-breakpoint
CREATE INDEX `articles_sort_idx` ON `articles` (`sort_at`,`id`);--> statement-breakpoint
CREATE INDEX `articles_topic_sort_idx` ON `articles` (`topic`,`sort_at`,`id`);--> statement-breakpoint
CREATE INDEX `articles_source_sort_idx` ON `articles` (`source_id`,`sort_at`,`id`);--> statement-breakpoint
CREATE TABLE `candidate_articles` (
	`candidate_key` text NOT NULL,
	`article_id` integer NOT NULL,
	PRIMARY KEY(`candidate_key`, `article_id`),
	FOREIGN KEY (`candidate_key`) REFERENCES `candidates`(`key`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `candidates` (
	`key` text PRIMARY KEY NOT NULL,
	`caption` text NOT NULL,
	`first_seen_at` text NOT NULL,
	`last_seen_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `cases` (
	`id` text PRIMARY KEY NOT NULL,
	`caption` text NOT NULL,
	`aliases` text NOT NULL,
	`court` text NOT NULL,
	`docket` text NOT NULL,
	`jurisdiction` text NOT NULL,
	`filed` text NOT NULL,
	`judge` text NOT NULL,
	`status` text NOT NULL,
	`status_date` text,
	`plaintiffs` text NOT NULL,
	`defendants` text NOT NULL,
	`key_terms` text NOT NULL,
	`related` text NOT NULL,
	`data` text NOT NULL,
	`data_hash` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `ingest_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`started_at` text NOT NULL,
	`finished_at` text,
	`sources_ok` integer DEFAULT 0 NOT NULL,
	`sources_unchanged` integer DEFAULT 0 NOT NULL,
	`sources_failed` integer DEFAULT 0 NOT NULL,
	`sources_deferred` integer DEFAULT 0 NOT NULL,
	`items_seen` integer DEFAULT 0 NOT NULL,
	`items_new` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sources` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`url` text NOT NULL,
	`homepage` text,
	`language` text,
	`config` text DEFAULT '{}' NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`etag` text,
	`last_modified` text,
	`last_fetch_at` text,
	`last_success_at` text,
	`last_status` integer,
	`consecutive_failures` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`next_fetch_at` text,
	`items_seen` integer DEFAULT 0 NOT NULL
);
