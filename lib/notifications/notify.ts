// Writing inbox entries, inside the write transaction of what they tell about: a reply is
// saved with its notification, a suggestion's decision with its own, or neither is. Each is one
// INSERT … SELECT from the row just written, so the recipient, episode and sentence come from
// the database, and the WHERE clause is the rule "never notify someone of their own act".
// Callers: lib/comments/mutations.ts (insertComment), lib/suggestions/operations.ts (review).
import 'server-only'
import { prismaDateTime } from '@/lib/db/datetime'
import type { SqliteDatabase } from '@/lib/db/sqlite'
import { statement } from '@/lib/db/statements'

export type NotificationKind = 'reply' | 'suggestion-accepted' | 'suggestion-rejected'

/**
 * Tells the parent comment's author about a reply. Only a visible reply is told: a held one is
 * not shown to the parent's author yet (a host approving it later does not notify: left for
 * later), and none for a reply to one's own comment or to a deleted one.
 */
export function notifyReply(db: SqliteDatabase, replyId: number): void {
  statement(
    db,
    `INSERT INTO "Notification" ("recipientId", "actorId", "kind", "episodeId", "sentenceId", "commentId", "createdAt")
     SELECT p."authorId", c."authorId", 'reply', c."episodeId", c."sentenceId", c."id", c."createdAt"
     FROM "Comment" c JOIN "Comment" p ON p."id" = c."parentId"
     WHERE c."id" = ? AND c."status" = 'visible' AND p."deletedAt" IS NULL AND p."authorId" <> c."authorId"`,
  ).run(replyId)
}

/** Tells a suggestion's author that `reviewerId` accepted or rejected it (not when they reviewed their own). */
export function notifySuggestionDecision(
  db: SqliteDatabase,
  suggestionId: number,
  decision: { status: 'accepted' | 'rejected'; reviewerId: string; now: Date },
): void {
  statement(
    db,
    `INSERT INTO "Notification" ("recipientId", "actorId", "kind", "episodeId", "sentenceId", "suggestionId", "createdAt")
     SELECT s."authorId", ?, ?, s."episodeId", s."sentenceId", s."id", ?
     FROM "Suggestion" s WHERE s."id" = ? AND s."authorId" <> ?`,
  ).run(
    decision.reviewerId,
    `suggestion-${decision.status}` satisfies NotificationKind,
    prismaDateTime(decision.now),
    suggestionId,
    decision.reviewerId,
  )
}
