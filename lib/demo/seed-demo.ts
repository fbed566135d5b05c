// The demo dataset `npm start` loads into an empty database, so a fresh clone has something
// to read and search. Never touches a database that already has episodes.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { importTranscript } from '@/lib/import/import-transcript'
import { countEpisodes } from '@/lib/sentences/sentence-sql'
import type { SqliteDatabase } from '@/lib/db/sqlite'

export const DEMO_SHOW = { slug: 'small-database-show', title: 'The Small Database Show' }

const DEMO_EPISODES = [
  { file: '001-sqlite-is-enough.vtt', title: 'Is SQLite enough?', publishedAt: '2026-10-05T09:00:00Z' },
  {
    file: '002-streaming-backups.txt',
    title: 'Streaming backups to a bucket',
    publishedAt: '2026-10-12T09:00:00Z',
  },
] as const

const DEMO_FOLDER = fileURLToPath(new URL('../../prisma/demo/', import.meta.url))

/** Imports the demo episodes when the database has none; returns how many were loaded. */
export function seedDemoData(db: SqliteDatabase, folder = DEMO_FOLDER): number {
  if (countEpisodes(db) > 0) return 0
  const load = db.transaction(() => {
    for (const episode of DEMO_EPISODES) {
      importTranscript(
        db,
        { name: episode.file, content: readFileSync(`${folder}/${episode.file}`) },
        {
          showSlug: DEMO_SHOW.slug,
          metadata: {
            showTitle: DEMO_SHOW.title,
            episodeTitle: episode.title,
            publishedAt: new Date(episode.publishedAt),
          },
        },
      )
    }
  })
  load()
  return DEMO_EPISODES.length
}
