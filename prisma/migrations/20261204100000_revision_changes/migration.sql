-- History a host can act on (issue 13 item 3, docs/decisions/0015-changes-revert-as-one.md): the
-- revisions one use case wrote (a find/replace over N sentences, a re-import, a split, a merge, a
-- speaker rename, one edit) form one change, listed and reverted as one. A new table and a new
-- nullable column only: Revision and Sentence are not rebuilt (Sentence's FTS5 triggers stay).

-- CreateTable
CREATE TABLE "RevisionChange" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "episodeId" INTEGER NOT NULL,
    "authorId" TEXT NOT NULL,
    -- edit | revert | suggestion | split | merge | replace | rename | import
    "kind" TEXT NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    -- The change a revert undid (a revert of a revert redoes).
    "revertOfId" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RevisionChange_episodeId_fkey" FOREIGN KEY ("episodeId") REFERENCES "Episode" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RevisionChange_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RevisionChange_revertOfId_fkey" FOREIGN KEY ("revertOfId") REFERENCES "RevisionChange" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "RevisionChange_episodeId_id_idx" ON "RevisionChange"("episodeId", "id");

-- CreateIndex
CREATE INDEX "RevisionChange_revertOfId_idx" ON "RevisionChange"("revertOfId");

-- AlterTable
ALTER TABLE "Revision" ADD COLUMN "changeId" INTEGER REFERENCES "RevisionChange" ("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- CreateIndex
CREATE INDEX "Revision_changeId_idx" ON "Revision"("changeId");

-- Existing revisions: one change each, except where one use case plainly wrote several in one
-- transaction (same episode, author, kind and timestamp): a find/replace (same reason), a
-- re-import (same source), a speaker rename (same reason), the two halves of a split. A change
-- takes the id of its first revision, so the mapping needs no lookup table.
CREATE TEMP TABLE "_RevisionChangeKey" AS
SELECT "id" AS "revisionId",
       CASE
         WHEN "kind" IN ('replace', 'import') OR ("kind" = 'edit' AND "reason" LIKE 'Renamed speaker %')
           THEN "episodeId" || '|' || "authorId" || '|' || "kind" || '|' || "reason" || '|' || "createdAt"
         WHEN "kind" = 'split'
           THEN "episodeId" || '|' || "authorId" || '|split|' || "createdAt"
         ELSE 'revision|' || "id"
       END AS "key"
FROM "Revision";

CREATE TEMP TABLE "_RevisionChangeFirst" AS
SELECT "key", MIN("revisionId") AS "changeId" FROM "_RevisionChangeKey" GROUP BY "key";

INSERT INTO "RevisionChange" ("id", "episodeId", "authorId", "kind", "reason", "revertOfId", "createdAt")
SELECT r."id", r."episodeId", r."authorId",
       CASE WHEN r."kind" = 'edit' AND r."reason" LIKE 'Renamed speaker %' THEN 'rename' ELSE r."kind" END,
       r."reason", NULL, r."createdAt"
FROM "_RevisionChangeFirst" f JOIN "Revision" r ON r."id" = f."changeId";

UPDATE "Revision" SET "changeId" = (
  SELECT f."changeId" FROM "_RevisionChangeKey" k JOIN "_RevisionChangeFirst" f ON f."key" = k."key"
  WHERE k."revisionId" = "Revision"."id"
);

-- A revert of one revision was its own change; it points at the change of the revision it undid.
UPDATE "RevisionChange" SET "revertOfId" = (
  SELECT reverted."changeId" FROM "Revision" r JOIN "Revision" reverted ON reverted."id" = r."revertOfId"
  WHERE r."id" = "RevisionChange"."id"
) WHERE "kind" = 'revert';

DROP TABLE "_RevisionChangeKey";
DROP TABLE "_RevisionChangeFirst";
