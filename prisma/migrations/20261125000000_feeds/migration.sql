-- Shows from RSS feeds (issue 10): feed fields on "Show" and "Episode", and the Podcasting 2.0
-- chapters, persons and soundbites of an episode. Written by hand: new columns go in with
-- ALTER TABLE ... ADD COLUMN (nullable, or NOT NULL with a constant default), so neither
-- "Show" nor "Episode" is rebuilt and nothing that points at them (Segment, Sentence with its
-- FTS5 triggers, Comment) is touched. Times are integer milliseconds.

-- AlterTable
ALTER TABLE "Show" ADD COLUMN "feedUrl" TEXT;
ALTER TABLE "Show" ADD COLUMN "feedEtag" TEXT;
ALTER TABLE "Show" ADD COLUMN "feedLastModified" TEXT;
ALTER TABLE "Show" ADD COLUMN "lastRefreshedAt" DATETIME;
ALTER TABLE "Show" ADD COLUMN "artworkUrl" TEXT;
ALTER TABLE "Show" ADD COLUMN "link" TEXT;
ALTER TABLE "Show" ADD COLUMN "language" TEXT;
ALTER TABLE "Show" ADD COLUMN "author" TEXT;

-- AlterTable
ALTER TABLE "Episode" ADD COLUMN "guid" TEXT;
ALTER TABLE "Episode" ADD COLUMN "descriptionHtml" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Episode" ADD COLUMN "audioUrl" TEXT;
ALTER TABLE "Episode" ADD COLUMN "audioType" TEXT;
ALTER TABLE "Episode" ADD COLUMN "audioBytes" INTEGER;
ALTER TABLE "Episode" ADD COLUMN "artworkUrl" TEXT;
ALTER TABLE "Episode" ADD COLUMN "season" INTEGER;
ALTER TABLE "Episode" ADD COLUMN "episodeNumber" INTEGER;
ALTER TABLE "Episode" ADD COLUMN "transcriptUrl" TEXT;
ALTER TABLE "Episode" ADD COLUMN "transcriptHash" TEXT;
ALTER TABLE "Episode" ADD COLUMN "chaptersUrl" TEXT;
ALTER TABLE "Episode" ADD COLUMN "chaptersHash" TEXT;

-- CreateTable
CREATE TABLE "Chapter" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "episodeId" INTEGER NOT NULL,
    "startMs" INTEGER NOT NULL,
    "endMs" INTEGER,
    "title" TEXT NOT NULL,
    "imageUrl" TEXT,
    "url" TEXT,
    "toc" BOOLEAN NOT NULL DEFAULT true,
    CONSTRAINT "Chapter_episodeId_fkey" FOREIGN KEY ("episodeId") REFERENCES "Episode" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
-- The CHECK (not expressible in schema.prisma) keeps a person on exactly one of show or episode.
CREATE TABLE "Person" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "showId" INTEGER,
    "episodeId" INTEGER,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'host',
    "group" TEXT NOT NULL DEFAULT 'cast',
    "imageUrl" TEXT,
    "href" TEXT,
    CONSTRAINT "Person_showId_fkey" FOREIGN KEY ("showId") REFERENCES "Show" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Person_episodeId_fkey" FOREIGN KEY ("episodeId") REFERENCES "Episode" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Person_show_or_episode" CHECK (("showId" IS NULL) <> ("episodeId" IS NULL))
);

-- CreateTable
CREATE TABLE "Soundbite" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "episodeId" INTEGER NOT NULL,
    "startMs" INTEGER NOT NULL,
    "durationMs" INTEGER NOT NULL,
    "title" TEXT,
    CONSTRAINT "Soundbite_episodeId_fkey" FOREIGN KEY ("episodeId") REFERENCES "Episode" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Show_feedUrl_key" ON "Show"("feedUrl");

-- CreateIndex
-- SQLite treats NULLs as distinct, so episodes without a guid (not from a feed) never collide.
CREATE UNIQUE INDEX "Episode_showId_guid_key" ON "Episode"("showId", "guid");

-- CreateIndex
CREATE INDEX "Chapter_episodeId_startMs_idx" ON "Chapter"("episodeId", "startMs");

-- CreateIndex
CREATE INDEX "Person_showId_position_idx" ON "Person"("showId", "position");

-- CreateIndex
CREATE INDEX "Person_episodeId_position_idx" ON "Person"("episodeId", "position");

-- CreateIndex
CREATE INDEX "Soundbite_episodeId_startMs_idx" ON "Soundbite"("episodeId", "startMs");
