-- Settings and the inbox (issue 13 item 5). Written by hand: one column added with ALTER TABLE
-- ... ADD COLUMN (so "ApiToken" is not rebuilt) and one new table.

-- A token's name, so its owner can tell their tokens apart on /settings. Tokens made before
-- this have none ('' is shown as "Unnamed").
-- AlterTable
ALTER TABLE "ApiToken" ADD COLUMN "name" TEXT NOT NULL DEFAULT '';

-- What a user is told in their inbox: someone replied to their comment, or a host accepted or
-- rejected their suggestion. Written in the same transaction as the reply or the decision
-- (lib/notifications/notify.ts); a user is never notified of their own act. The link is built
-- when read, from the episode, sentence, comment or suggestion it names.
-- CreateTable
CREATE TABLE "Notification" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "recipientId" TEXT NOT NULL,
    -- Who did it; NULL once their account is gone.
    "actorId" TEXT,
    -- reply | suggestion-accepted | suggestion-rejected
    "kind" TEXT NOT NULL,
    "episodeId" INTEGER NOT NULL,
    "sentenceId" INTEGER,
    -- The reply (kind reply).
    "commentId" INTEGER,
    -- The suggestion decided on (kinds suggestion-*).
    "suggestionId" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" DATETIME,
    CONSTRAINT "Notification_recipientId_fkey" FOREIGN KEY ("recipientId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Notification_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Notification_episodeId_fkey" FOREIGN KEY ("episodeId") REFERENCES "Episode" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Notification_sentenceId_fkey" FOREIGN KEY ("sentenceId") REFERENCES "Sentence" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Notification_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Notification_suggestionId_fkey" FOREIGN KEY ("suggestionId") REFERENCES "Suggestion" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- The inbox pages newest first by id; the header counts unread ones.
-- CreateIndex
CREATE INDEX "Notification_recipientId_id_idx" ON "Notification"("recipientId", "id");

-- CreateIndex
CREATE INDEX "Notification_recipientId_readAt_idx" ON "Notification"("recipientId", "readAt");
