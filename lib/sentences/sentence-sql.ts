// The raw SQL of transcript structure: inserting shows, episodes, segments and sentences in bulk
// (an import), and rewriting an episode's sentences in place (a re-import). Prisma would make
// bulk writes ten times slower. Statements take plain parameters, never string-built input.
import type { SqliteDatabase } from '@/lib/db/sqlite'

export interface EpisodeRow {
  id: number
  showId: number
  slug: string
  sentenceCount: number
}

export function findShowId(db: SqliteDatabase, slug: string): number | null {
  const row = db.prepare(`SELECT id FROM Show WHERE slug = ?`).get(slug) as { id: number } | undefined
  return row?.id ?? null
}

export function insertShow(
  db: SqliteDatabase,
  show: { slug: string; title: string; createdAt: string },
): number {
  return Number(
    db
      .prepare(`INSERT INTO Show (slug, title, createdAt) VALUES (?, ?, ?)`)
      .run(show.slug, show.title, show.createdAt).lastInsertRowid,
  )
}

export function findEpisode(db: SqliteDatabase, slug: string): EpisodeRow | null {
  const row = db
    .prepare(
      `SELECT e.id, e.showId, e.slug, (SELECT count(*) FROM Sentence WHERE episodeId = e.id) AS sentenceCount
       FROM Episode e WHERE e.slug = ?`,
    )
    .get(slug) as EpisodeRow | undefined
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
    db
      .prepare(
        `INSERT INTO Episode (showId, slug, title, publishedAt, durationMs, sourceFormat, sourceName, importedAt, createdAt)
         VALUES (@showId, @slug, @title, @publishedAt, @durationMs, @sourceFormat, @sourceName, @importedAt, @importedAt)`,
      )
      .run(episode).lastInsertRowid,
  )
}

export function updateEpisodeSource(
  db: SqliteDatabase,
  episodeId: number,
  episode: EpisodeImportFields,
): void {
  db.prepare(
    `UPDATE Episode SET durationMs = @durationMs, sourceFormat = @sourceFormat, sourceName = @sourceName,
       importedAt = @importedAt WHERE id = @id`,
  ).run({ ...episode, id: episodeId })
}

/** Removes an episode's transcript (segments cascade to sentences; triggers update the index). */
export function deleteTranscript(db: SqliteDatabase, episodeId: number): void {
  db.prepare(`DELETE FROM Sentence WHERE episodeId = ?`).run(episodeId)
  db.prepare(`DELETE FROM Segment WHERE episodeId = ?`).run(episodeId)
}

/** A sentence row as the importer writes it. */
export interface SentenceWriteFields {
  segmentId: number
  position: number
  startMs: number
  endMs: number | null
  speaker: string | null
  text: string
  updatedAt: string
}

export interface TranscriptWriter {
  segment(fields: { episodeId: number; position: number; startMs: number; speaker: string | null }): number
  sentence(fields: SentenceWriteFields & { episodeId: number }): number
}

/** Prepared inserts for one import run; prepare once, call per row inside a transaction. */
export function transcriptWriter(db: SqliteDatabase): TranscriptWriter {
  const segment = db.prepare(
    `INSERT INTO Segment (episodeId, position, startMs, speaker) VALUES (@episodeId, @position, @startMs, @speaker)`,
  )
  const sentence = db.prepare(
    `INSERT INTO Sentence (episodeId, segmentId, position, startMs, endMs, speaker, text, version, updatedAt)
     VALUES (@episodeId, @segmentId, @position, @startMs, @endMs, @speaker, @text, 1, @updatedAt)`,
  )
  return {
    segment: (fields) => Number(segment.run(fields).lastInsertRowid),
    sentence: (fields) => Number(sentence.run(fields).lastInsertRowid),
  }
}

// --- Re-import: aligning a corrected transcript with the stored one (lib/import/realign-transcript.ts)

export interface StoredSentenceRow {
  id: number
  position: number
  text: string
}

export function listStoredSentences(db: SqliteDatabase, episodeId: number): StoredSentenceRow[] {
  return db
    .prepare(`SELECT id, position, text FROM Sentence WHERE episodeId = ? ORDER BY position, id`)
    .all(episodeId) as StoredSentenceRow[]
}

export function listSegmentIds(db: SqliteDatabase, episodeId: number): number[] {
  const rows = db.prepare(`SELECT id FROM Segment WHERE episodeId = ?`).all(episodeId) as { id: number }[]
  return rows.map((row) => row.id)
}

export interface RealignWriter {
  /** Rewrites a kept sentence in place; its version goes up when text, start or speaker changed. */
  update(fields: SentenceWriteFields & { id: number }): void
  commentsOf(sentenceId: number): { id: number; quote: string }[]
  moveComment(commentId: number, sentenceId: number): void
  moveSuggestions(fromSentenceId: number, toSentenceId: number): void
  deleteSentence(id: number): void
  deleteSegment(id: number): void
}

export function realignWriter(db: SqliteDatabase): RealignWriter {
  // SET expressions read the row's old values, so the CASE compares old with new.
  const update = db.prepare(
    `UPDATE Sentence SET segmentId = @segmentId, position = @position, startMs = @startMs, endMs = @endMs,
       speaker = @speaker, text = @text, updatedAt = @updatedAt,
       version = version + (CASE WHEN text IS NOT @text OR startMs IS NOT @startMs OR speaker IS NOT @speaker THEN 1 ELSE 0 END)
     WHERE id = @id`,
  )
  const comments = db.prepare(`SELECT id, quote FROM Comment WHERE sentenceId = ?`)
  const moveComment = db.prepare(`UPDATE Comment SET sentenceId = ? WHERE id = ?`)
  const moveSuggestions = db.prepare(`UPDATE Suggestion SET sentenceId = ? WHERE sentenceId = ?`)
  const deleteSentence = db.prepare(`DELETE FROM Sentence WHERE id = ?`)
  const deleteSegment = db.prepare(`DELETE FROM Segment WHERE id = ?`)
  return {
    update: (fields) => void update.run(fields),
    commentsOf: (sentenceId) => comments.all(sentenceId) as { id: number; quote: string }[],
    moveComment: (commentId, sentenceId) => void moveComment.run(sentenceId, commentId),
    moveSuggestions: (from, to) => void moveSuggestions.run(to, from),
    deleteSentence: (id) => void deleteSentence.run(id),
    deleteSegment: (id) => void deleteSegment.run(id),
  }
}

export function countEpisodes(db: SqliteDatabase): number {
  return (db.prepare(`SELECT count(*) AS n FROM Episode`).get() as { n: number }).n
}
