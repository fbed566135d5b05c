// What counts as "the same comment again": the duplicate check compares comment bodies after
// folding away what a resubmission typically changes (case, spacing, punctuation), so
// "Great episode!" and "great   episode" are one comment posted twice.
import 'server-only'
import type { SqliteDatabase } from '@/lib/db/sqlite'
import { statement } from '@/lib/db/statements'

const PUNCTUATION_AND_SYMBOLS = /[\p{P}\p{S}]+/gu
const SPACES = /\s+/gu

/**
 * The body reduced for comparison: Unicode compatibility forms folded (NFKC: full-width
 * letters, ligatures), lower case, punctuation and symbols dropped, spaces folded. A body of
 * punctuation or emoji only keeps them (case and spacing still folded), so "👍" and "🎉" stay
 * different comments.
 */
export function duplicateKey(body: string): string {
  const folded = body.normalize('NFKC').toLowerCase()
  const words = folded.replace(PUNCTUATION_AND_SYMBOLS, ' ').replace(SPACES, ' ').trim()
  return words !== '' ? words : folded.replace(SPACES, '').trim()
}

/**
 * Whether `authorId` wrote a live comment with the same duplicate key at or after `since` (a
 * Prisma DateTime string). Runs on the raw connection, inside the caller's write transaction;
 * the rate limits keep an author's comments in the window few.
 */
export function repeatsRecentComment(
  db: SqliteDatabase,
  authorId: string,
  body: string,
  since: string,
): boolean {
  const key = duplicateKey(body)
  const recent = statement(
    db,
    `SELECT "body" FROM "Comment" WHERE "authorId" = ? AND "createdAt" >= ? AND "deletedAt" IS NULL`,
  ).all(authorId, since) as { body: string }[]
  return recent.some((row) => duplicateKey(row.body) === key)
}
