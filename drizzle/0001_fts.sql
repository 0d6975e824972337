-- Full-text index over articles (external content, kept in sync by triggers). Works in libSQL and D1.
CREATE VIRTUAL TABLE `articles_fts` USING fts5(title, summary, content_text, content='articles', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER `articles_fts_ai` AFTER INSERT ON `articles` BEGIN
  INSERT INTO articles_fts(rowid, title, summary, content_text) VALUES (new.id, new.title, new.summary, new.content_text);
END;
--> statement-breakpoint
CREATE TRIGGER `articles_fts_ad` AFTER DELETE ON `articles` BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, summary, content_text) VALUES ('delete', old.id, old.title, old.summary, old.content_text);
END;
--> statement-breakpoint
CREATE TRIGGER `articles_fts_au` AFTER UPDATE OF title, summary, content_text ON `articles` BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, summary, content_text) VALUES ('delete', old.id, old.title, old.summary, old.content_text);
  INSERT INTO articles_fts(rowid, title, summary, content_text) VALUES (new.id, new.title, new.summary, new.content_text);
END;
