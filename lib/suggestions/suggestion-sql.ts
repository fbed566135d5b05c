// The raw SQL of reviewing a suggestion, so an accepted one's sentence change, revision and
// status land in one write transaction (lib/db/write-transaction.ts).
import 'server-only'
import type { SqliteDatabase } from '@/lib/db/sqlite'
import { statement } from '@/lib/db/statements'

export interface SuggestionUnderReview {
  id: number
  sentenceId: number | null
  authorId: string
  text: string
  status: string
}

export function suggestionForReview(db: SqliteDatabase, id: number): SuggestionUnderReview | null {
  const row = statement(db, `SELECT id, sentenceId, authorId, text, status FROM Suggestion WHERE id = ?`).get(
    id,
  )
  return (row as SuggestionUnderReview | undefined) ?? null
}

/** Records the review of a pending suggestion; false when it was no longer pending. */
export function markReviewed(
  db: SqliteDatabase,
  id: number,
  review: {
    status: 'accepted' | 'rejected'
    reviewerId: string
    reviewedAt: string
    reviewNote: string
    revisionId: number | null
  },
): boolean {
  const result = statement(
    db,
    `UPDATE Suggestion SET status = @status, reviewerId = @reviewerId, reviewedAt = @reviewedAt,
       reviewNote = @reviewNote, revisionId = @revisionId
     WHERE id = @id AND status = 'pending'`,
  ).run({ ...review, id })
  return result.changes > 0
}
