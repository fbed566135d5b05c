// The raw SQL of the shows and episodes an import writes (lib/import/import-transcript.ts):
// found by slug, created when missing, their source fields updated on a re-import. Prisma
// would make bulk imports ten times slower. Statements take plain parameters, never
// string-built input.
import 'server-only'
import type { SqliteDatabase } from '@/lib/db/sqlite'
import { statement } from '@/lib/db/statements'

export interface EpisodeRow {
  id: number
  showId: number
  slug: string
  sentenceCount: number
}

export function findShowId(db: SqliteDatabase, slug: string): number | null {
  const row = statement(db, `SELECT id FROM Show WHERE slug = ?`).get(slug) as { id: number } | undefined
  return row?.id ?? null
}

export function insertShow(
  db: SqliteDatabase,
  show: { slug: string; title: string; createdAt: string },
): number {
  return Number(
    statement(db, `INSERT INTO Show (slug, title, createdAt) VALUES (?, ?, ?)`).run(
      show.slug,
      show.title,
      show.createdAt,
    ).lastInsertRowid,
  )
}

export function findEpisode(db: SqliteDatabase, slug: string): EpisodeRow | null {
  const row = statement(
    db,
    `SELECT e.id, e.showId, e.slug, (SELECT count(*) FROM Sentence WHERE episodeId = e.id) AS sentenceCount
     FROM Episode e WHERE e.slug = ?`,
  ).get(slug) as EpisodeRow | undefined
  return row ?? null
}

export interface EpisodeImportFields {
  showId: number
  slug: string
  title: string
  publishedAt: string | null
  durationMs: number | null
  sourceFormat: string
  sourceName: string
  importedAt: string
}

export function insertEpisode(db: SqliteDatabase, episode: EpisodeImportFields): number {
  return Number(
    statement(
      db,
      `INSERT INTO Episode (showId, slug, title, publishedAt, durationMs, sourceFormat, sourceName, importedAt, createdAt)
       VALUES (@showId, @slug, @title, @publishedAt, @durationMs, @sourceFormat, @sourceName, @importedAt, @importedAt)`,
    ).run(episode).lastInsertRowid,
  )
}

export function updateEpisodeSource(
  db: SqliteDatabase,
  episodeId: number,
  episode: EpisodeImportFields,
): void {
  statement(
    db,
    `UPDATE Episode SET durationMs = @durationMs, sourceFormat = @sourceFormat, sourceName = @sourceName,
       importedAt = @importedAt WHERE id = @id`,
  ).run({ ...episode, id: episodeId })
}

export function countEpisodes(db: SqliteDatabase): number {
  return (statement(db, `SELECT count(*) AS n FROM Episode`).get() as { n: number }).n
}
