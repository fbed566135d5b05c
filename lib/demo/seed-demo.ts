// The demo dataset `npm start` loads into an empty database, so a fresh clone has something
// to read, search and listen to. Never touches a database that already has episodes. The first
// episode's audio (made from its transcript by `npm run demo:audio`) is copied into the media
// folder beside the database, so it is served like any uploaded file.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { copyEpisodeAudioFile } from '@/lib/media/episode-audio'
import { countEpisodes, findEpisode } from '@/lib/sentences/episode-sql'
import type { SqliteDatabase } from '@/lib/db/sqlite'
import { buildEpisode, writeEpisode, type ShowData } from '@/lib/seed/factories'

export const DEMO_SHOW: ShowData = { slug: 'small-database-show', title: 'The Small Database Show' }

// Real transcript files, so the demo shows what the importer makes of WebVTT and "Starting point" text.
const DEMO_EPISODES = [
  {
    slug: '001-sqlite-is-enough',
    extension: 'vtt',
    title: 'Is SQLite enough?',
    publishedAt: '2026-10-05T09:00:00Z',
    audio: { extension: 'opus', type: 'audio/ogg' },
  },
  {
    slug: '002-streaming-backups',
    extension: 'txt',
    title: 'Streaming backups to a bucket',
    publishedAt: '2026-10-12T09:00:00Z',
    audio: null,
  },
] as const

const DEMO_FOLDER = fileURLToPath(new URL('../../prisma/demo/', import.meta.url))

/** Imports the demo episodes when the database has none; returns how many were loaded. */
export function seedDemoData(db: SqliteDatabase, folder = DEMO_FOLDER): number {
  if (countEpisodes(db) > 0) return 0
  const load = db.transaction(() => {
    for (const { slug, extension, title, publishedAt, audio } of DEMO_EPISODES) {
      const content = readFileSync(`${folder}/${slug}.${extension}`)
      writeEpisode(
        db,
        buildEpisode({
          show: DEMO_SHOW,
          slug,
          title,
          publishedAt: new Date(publishedAt),
          transcript: { file: { extension, content } },
        }),
      )
      const episode = audio ? findEpisode(db, slug) : null
      if (audio && episode) {
        const stored = copyEpisodeAudioFile(db, {
          episodeId: episode.id,
          path: `${folder}/${slug}.${audio.extension}`,
          type: audio.type,
        })
        if (!stored.ok) throw new Error(`demo audio for ${slug}: ${JSON.stringify(stored.failure)}`)
      }
    }
  })
  load()
  return DEMO_EPISODES.length
}
