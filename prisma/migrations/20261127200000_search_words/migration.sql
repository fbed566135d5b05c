-- The surface vocabulary of every transcript, for typo correction ("did you mean") and for
-- prefixes over words rather than stems (`replica*` finds "replicated", whose porter stem
-- "replic" does not start with "replica"). See docs/decisions/0013-search-typos-and-passages.md.
--
-- "SentenceWords" indexes the same text as "SentenceFts" but without porter stemming, and with
-- detail = 'none' (document lists only: no positions), so it costs little space. It is never
-- searched for sentences; "SentenceWordsVocab" reads its terms: every distinct lower-cased,
-- diacritic-folded word with the number of sentences holding it, current at every commit.
--
-- The triggers mirror those of "SentenceFts" (20261123000100_sentence_fts), so the vocabulary
-- follows imports, re-imports, corrections, splits, merges and cascading deletes exactly as
-- the sentence index does (tests/search-index-sync.test.ts). Each also bumps
-- "SearchVocabularyVersion", which lets a server process know when the in-memory trigram
-- index it builds over the vocabulary (lib/search/vocabulary.ts) is out of date.
CREATE VIRTUAL TABLE "SentenceWords" USING fts5(
  text,
  content = 'Sentence',
  content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2',
  detail = 'none'
);

CREATE VIRTUAL TABLE "SentenceWordsVocab" USING fts5vocab('SentenceWords', 'row');

CREATE TABLE "SearchVocabularyVersion" (
  "id" INTEGER NOT NULL PRIMARY KEY CHECK ("id" = 1),
  "version" INTEGER NOT NULL
);
INSERT INTO "SearchVocabularyVersion" ("id", "version") VALUES (1, 0);

CREATE TRIGGER "Sentence_words_insert" AFTER INSERT ON "Sentence" BEGIN
  INSERT INTO "SentenceWords"(rowid, text) VALUES (new.id, new.text);
  UPDATE "SearchVocabularyVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "Sentence_words_delete" AFTER DELETE ON "Sentence" BEGIN
  INSERT INTO "SentenceWords"("SentenceWords", rowid, text) VALUES ('delete', old.id, old.text);
  UPDATE "SearchVocabularyVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "Sentence_words_update" AFTER UPDATE OF text ON "Sentence" BEGIN
  INSERT INTO "SentenceWords"("SentenceWords", rowid, text) VALUES ('delete', old.id, old.text);
  INSERT INTO "SentenceWords"(rowid, text) VALUES (new.id, new.text);
  UPDATE "SearchVocabularyVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

INSERT INTO "SentenceWords"(rowid, text) SELECT id, text FROM "Sentence";
