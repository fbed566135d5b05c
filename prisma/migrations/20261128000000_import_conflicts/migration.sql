-- Re-imports that respect host work (issue 13 item 2, docs/decisions/0011-reimport-keeps-host-work.md):
-- a sentence a host worked on keeps the host's version when a re-import (import --replace, a feed
-- refresh, an upload) brings other text, and the conflict is kept here so a page can list it
-- (take the new text or keep the host's). A new table only: nothing existing is rebuilt.
-- Revisions written by a re-import (kind 'import') are authored by the system user
-- 'hearsay-import' (Revision.authorId is required); lib/sentences/import-revisions.ts creates
-- that row when the first re-import needs it.

-- CreateTable
CREATE TABLE "ImportConflict" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "episodeId" INTEGER NOT NULL,
    "sentenceId" INTEGER,
    -- The file name or feed/transcript URL the new text came from.
    "source" TEXT NOT NULL,
    -- Which of the host's fields the new transcript disagrees with: "text", "speaker", "start", comma-separated.
    "fields" TEXT NOT NULL,
    "oldText" TEXT NOT NULL,
    "hostText" TEXT NOT NULL,
    "newText" TEXT NOT NULL,
    "oldSpeaker" TEXT,
    "hostSpeaker" TEXT,
    "newSpeaker" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    -- Set when a host decided: "kept" (their version) or "took-new".
    "resolvedAt" DATETIME,
    "resolution" TEXT,
    CONSTRAINT "ImportConflict_episodeId_fkey" FOREIGN KEY ("episodeId") REFERENCES "Episode" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ImportConflict_sentenceId_fkey" FOREIGN KEY ("sentenceId") REFERENCES "Sentence" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ImportConflict_episodeId_resolvedAt_idx" ON "ImportConflict"("episodeId", "resolvedAt");

-- CreateIndex
CREATE INDEX "ImportConflict_sentenceId_idx" ON "ImportConflict"("sentenceId");
