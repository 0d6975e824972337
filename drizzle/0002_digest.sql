CREATE TABLE `digest_deliveries` (
	`week` text NOT NULL,
	`subscriber_id` integer NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`message_id` text,
	`error` text,
	`next_attempt_at` text,
	`lease_until` text,
	`updated_at` text NOT NULL,
	`sent_at` text,
	PRIMARY KEY(`week`, `subscriber_id`),
	FOREIGN KEY (`week`) REFERENCES `digests`(`week`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`subscriber_id`) REFERENCES `subscribers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `digest_deliveries_status_idx` ON `digest_deliveries` (`week`,`status`);--> statement-breakpoint
CREATE TABLE `digests` (
	`week` text PRIMARY KEY NOT NULL,
	`starts_at` text NOT NULL,
	`ends_at` text NOT NULL,
	`subject` text NOT NULL,
	`model` text NOT NULL,
	`html` text NOT NULL,
	`text` text NOT NULL,
	`case_count` integer DEFAULT 0 NOT NULL,
	`story_count` integer DEFAULT 0 NOT NULL,
	`candidate_count` integer DEFAULT 0 NOT NULL,
	`status` text DEFAULT 'sending' NOT NULL,
	`recipients_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`completed_at` text
);
--> statement-breakpoint
CREATE TABLE `subscribers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`cases` text,
	`pending_cases` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`confirmed_at` text,
	`unsubscribed_at` text,
	`confirm_day` text,
	`confirm_count` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `subscribers_email_unique` ON `subscribers` (`email`);--> statement-breakpoint
CREATE INDEX `subscribers_status_idx` ON `subscribers` (`status`);