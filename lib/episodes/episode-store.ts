// Episodes hosts make and edit by hand (the studio, the JSON API). Written on the raw connection
// in BEGIN IMMEDIATE transactions (lib/db/write-transaction.ts), like the importer's
// writes, so they wait for an import or a feed refresh instead of failing (or answer busy, 503). Nothing here
// authorizes; lib/episodes/operations.ts does.
import 'server-only'
import type { SqliteDatabase } from '@/lib/db/sqlite'
import { invalid, ok, type Result } from '@/lib/result'
import { statement } from '@/lib/db/statements'
import { inWriteTransaction } from '@/lib/db/write-transaction'

export interface NewEpisode {
  showId: number
  slug: string
  title: string
  description: string
  publishedAt: Date | null
}

/** The metadata a host edits; `undefined` leaves a column as it is, `null` clears it. */
export interface EpisodeChanges {
  title?: string
  description?: string
  publishedAt?: Date | null
  season?: number | null
  episodeNumber?: number | null
  artworkUrl?: string | null
  audioUrl?: string | null
  audioType?: string | null
  audioBytes?: number | null
}

export const SLUG_TAKEN_BY_EPISODE =
  'An episode with this slug already exists (episode slugs are unique across shows); choose another.'

export async function insertEpisodeRow(
  db: SqliteDatabase,
  episode: NewEpisode,
  now: Date,
): Promise<Result<{ id: number }>> {
  return inWriteTransaction(db, () => {
    if (statement(db, `SELECT 1 FROM Episode WHERE slug = ?`).get(episode.slug)) {
      return invalid(`slug: ${SLUG_TAKEN_BY_EPISODE}`, { slug: [SLUG_TAKEN_BY_EPISODE] })
    }
    const inserted = statement(
      db,
      `INSERT INTO Episode (showId, slug, title, description, publishedAt, createdAt)
       VALUES (@showId, @slug, @title, @description, @publishedAt, @createdAt)`,
    ).run({
      ...episode,
      publishedAt: episode.publishedAt?.toISOString() ?? null,
      createdAt: now.toISOString(),
    })
    return ok({ id: Number(inserted.lastInsertRowid) })
  })
}

// Column names come from this list only, never from input.
const COLUMNS = [
  'title',
  'description',
  'publishedAt',
  'season',
  'episodeNumber',
  'artworkUrl',
  'audioUrl',
  'audioType',
  'audioBytes',
] as const satisfies readonly (keyof EpisodeChanges)[]

/** Applies the changes given; a new description drops the feed's HTML version, which would contradict it. */
export async function updateEpisodeRow(
  db: SqliteDatabase,
  episodeId: number,
  changes: EpisodeChanges,
): Promise<Result<void>> {
  if (Object.values(changes).every((value) => value === undefined)) return ok(undefined)
  return inWriteTransaction(db, () => {
    writeEpisodeChanges(db, episodeId, changes)
    return ok(undefined)
  })
}

/**
 * The same, synchronously, inside the caller's write transaction (inWriteTransaction). The
 * columns written are remembered as the host's (Episode.hostEditedFields), so a feed refresh
 * keeps them instead of writing the feed's value back (lib/feeds/feed-store.ts).
 */
export function writeEpisodeChanges(db: SqliteDatabase, episodeId: number, changes: EpisodeChanges): void {
  const assignments: string[] = []
  const values: Record<string, string | number | null> = { id: episodeId }
  const written: string[] = []
  for (const column of COLUMNS) {
    const value = changes[column]
    if (value === undefined) continue
    assignments.push(`${column} = @${column}`)
    values[column] = value instanceof Date ? value.toISOString() : value
    written.push(column)
  }
  if (changes.description !== undefined) assignments.push(`descriptionHtml = ''`)
  if (assignments.length === 0) return
  const stored = statement(db, `SELECT hostEditedFields FROM Episode WHERE id = ?`).get(episodeId) as
    { hostEditedFields: string } | undefined
  values.hostEditedFields = withHostEdits(stored?.hostEditedFields ?? '', written)
  assignments.push('hostEditedFields = @hostEditedFields')
  statement(db, `UPDATE Episode SET ${assignments.join(', ')} WHERE id = @id`).run(values)
}

/** The comma-separated set of columns a host set by hand, with `columns` added. */
export function withHostEdits(stored: string, columns: readonly string[]): string {
  return [...new Set([...hostEditedColumns(stored), ...columns])].sort().join(',')
}

export function hostEditedColumns(stored: string): string[] {
  return stored.split(',').filter((column) => column !== '')
}
