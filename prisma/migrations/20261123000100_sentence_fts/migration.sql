-- Full-text index over sentence text: an external-content FTS5 table that stores only the
-- index, kept in sync with "Sentence" by the triggers below.
--
-- Tokenizer: porter stemming over unicode61 with diacritics folded, so "replicating" finds
-- "replication" and "cafe" finds "café". See docs/decisions/0003-fts5-tokenizer.md.
--
-- Any later migration that makes Prisma rebuild "Sentence" (RedefineTables: DROP + RENAME)
-- drops these triggers with the table and must create them again; tests/fts-sync.test.ts
-- replays every migration and fails if search stops following the table.
CREATE VIRTUAL TABLE "SentenceFts" USING fts5(
  text,
  content = 'Sentence',
  content_rowid = 'id',
  tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER "Sentence_fts_insert" AFTER INSERT ON "Sentence" BEGIN
  INSERT INTO "SentenceFts"(rowid, text) VALUES (new.id, new.text);
END;

CREATE TRIGGER "Sentence_fts_delete" AFTER DELETE ON "Sentence" BEGIN
  INSERT INTO "SentenceFts"("SentenceFts", rowid, text) VALUES ('delete', old.id, old.text);
END;

-- Only a change of text touches the index: edits of speaker, time or version leave it be.
CREATE TRIGGER "Sentence_fts_update" AFTER UPDATE OF text ON "Sentence" BEGIN
  INSERT INTO "SentenceFts"("SentenceFts", rowid, text) VALUES ('delete', old.id, old.text);
  INSERT INTO "SentenceFts"(rowid, text) VALUES (new.id, new.text);
END;

INSERT INTO "SentenceFts"(rowid, text) SELECT id, text FROM "Sentence";
