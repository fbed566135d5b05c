-- The metadata columns a host set by hand (comma-separated): a feed refresh keeps them.
ALTER TABLE "Episode" ADD COLUMN "hostEditedFields" TEXT NOT NULL DEFAULT '';
