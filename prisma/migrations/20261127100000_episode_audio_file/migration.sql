-- Audio stored by this app (issue 10: uploads, the demo episode): the file's name inside the
-- episode's media folder (<database folder>/media/episodes/<episode id>/), written only by
-- lib/media/episode-audio.ts. NULL: no stored file (the episode may still have a remote audioUrl).
-- ADD COLUMN, so "Episode" is not rebuilt.

-- AlterTable
ALTER TABLE "Episode" ADD COLUMN "audioFile" TEXT;
