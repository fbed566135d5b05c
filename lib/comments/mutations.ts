// Writing comments and reports: the data layer under lib/comments/operations.ts. Nothing here
// authorizes; every function takes an author or reporter the operation already authorized.
// Every write that is more than one statement runs on the raw connection in one synchronous
// BEGIN IMMEDIATE transaction (lib/db/write-transaction.ts, docs/decisions/0010): a Prisma
// interactive transaction held SQLite's write lock across awaits, and under 8 concurrent
// writers 4–8 % of comment posts failed with SQLITE_BUSY_SNAPSHOT or P1008.
import 'server-only'
import type { Caller } from '@/lib/auth/caller'
import { repeatsRecentComment } from '@/lib/comments/duplicate-key'
import type { CommentPolicy } from '@/lib/comments/policy'
import { toCommentDto, visibleWhere } from '@/lib/comments/threads'
import type { CommentDto, Viewer } from '@/lib/comments/types'
import { prismaDateTime } from '@/lib/db/datetime'
import type { SqliteDatabase } from '@/lib/db/sqlite'
import { inWriteTransaction } from '@/lib/db/write-transaction'
import type { PrismaClient } from '@/lib/generated/prisma/client'
import { notifyReply } from '@/lib/notifications/notify'
import { hitRateLimitsNow } from '@/lib/rate-limit'
import { fail, notFound, ok, type Result } from '@/lib/result'
import { statement } from '@/lib/db/statements'

export interface NewCommentRow {
  episodeId: number
  sentenceId: number
  /** The sentence's text now, kept with the comment as what it was written on. */
  quote: string
  parentId: number | null
  body: string
  /** The client's address, for the per-IP limit. */
  ip: string
}

/**
 * Saves a new comment unless it repeats the author's recent text or passes a rate limit,
 * checked in the same transaction as the insert so two posts cannot both pass.
 */
export function insertComment(
  db: SqliteDatabase,
  author: Caller,
  row: NewCommentRow,
  policy: CommentPolicy,
  now: Date,
): Promise<Result<CommentDto>> {
  return inWriteTransaction(db, () => {
    if (policy.duplicateWindowMs > 0 && isDuplicate(db, author.id, row.body, policy, now))
      return fail({ error: 'duplicate' })
    const limited = hitRateLimitsNow(
      db,
      [
        { key: `comment:user:${author.id}`, rule: policy.accountRule },
        { key: `comment:ip:${row.ip}`, rule: policy.ipRule },
      ],
      now,
    )
    if (!limited.ok)
      return fail({ error: 'rate-limited', action: 'comment', retryAfterMs: limited.retryAfterMs })
    const status = mustHold(db, author, policy) ? 'held' : 'visible'
    const { id } = statement(
      db,
      `INSERT INTO "Comment" ("episodeId", "sentenceId", "parentId", "authorId", "quote", "body", "status", "createdAt")
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING "id"`,
    ).get(
      row.episodeId,
      row.sentenceId,
      row.parentId,
      author.id,
      row.quote,
      row.body,
      status,
      prismaDateTime(now),
    ) as { id: number }
    if (row.parentId !== null) notifyReply(db, id)
    return readComment(db, id)
  })
}

/** Same text after folding case, spacing and punctuation (lib/comments/duplicate-key.ts). */
function isDuplicate(db: SqliteDatabase, authorId: string, body: string, policy: CommentPolicy, now: Date) {
  return repeatsRecentComment(db, authorId, body, prismaDateTime(now.getTime() - policy.duplicateWindowMs))
}

/** New listeners' first comments wait for review when COMMENT_HOLD_FIRST is set. */
function mustHold(db: SqliteDatabase, author: Caller, policy: CommentPolicy): boolean {
  if (policy.holdFirst === 0 || author.role !== 'listener') return false
  const { approved } = statement(
    db,
    `SELECT count(*) AS approved FROM "Comment" WHERE "authorId" = ? AND "status" = 'visible'`,
  ).get(author.id) as { approved: number }
  return approved < policy.holdFirst
}

/** The columns as SQLite returns them: times as Prisma's text, the author joined in. */
interface CommentSqlRow extends Pick<
  CommentDto,
  'id' | 'episodeId' | 'sentenceId' | 'parentId' | 'quote' | 'body'
> {
  status: string
  createdAt: string
  editedAt: string | null
  deletedAt: string | null
  authorId: string
  authorName: string
}

/** A comment as the API shows it, read on the raw connection (inside the write that made it). */
function readComment(db: SqliteDatabase, commentId: number): Result<CommentDto> {
  const row = statement(
    db,
    `SELECT c."id", c."episodeId", c."sentenceId", c."parentId", c."quote", c."body", c."status",
            c."createdAt", c."editedAt", c."deletedAt", u."id" AS "authorId", u."name" AS "authorName"
     FROM "Comment" c JOIN "User" u ON u."id" = c."authorId" WHERE c."id" = ?`,
  ).get(commentId) as CommentSqlRow | undefined
  if (!row) return notFound('comment')
  const time = (text: string | null) => (text === null ? null : new Date(text))
  return ok(
    toCommentDto({
      ...row,
      createdAt: new Date(row.createdAt),
      editedAt: time(row.editedAt),
      deletedAt: time(row.deletedAt),
      author: { id: row.authorId, name: row.authorName },
    }),
  )
}

/** The comment's author and episode, or null when it does not exist or was deleted. */
export async function findLiveComment(
  db: PrismaClient,
  commentId: number,
): Promise<{ authorId: string; episodeId: number } | null> {
  const row = await db.comment.findUnique({
    where: { id: commentId },
    select: { authorId: true, episodeId: true, deletedAt: true },
  })
  return row && !row.deletedAt ? { authorId: row.authorId, episodeId: row.episodeId } : null
}

export function updateCommentBody(
  db: SqliteDatabase,
  commentId: number,
  authorId: string,
  body: string,
  now: Date,
): Promise<Result<CommentDto>> {
  return inWriteTransaction(db, () => {
    // The author is part of the where: an edit never lands on someone else's comment.
    const { changes } = statement(
      db,
      `UPDATE "Comment" SET "body" = ?, "editedAt" = ? WHERE "id" = ? AND "authorId" = ? AND "deletedAt" IS NULL`,
    ).run(body, prismaDateTime(now), commentId, authorId)
    return changes === 1 ? readComment(db, commentId) : notFound('comment')
  })
}

/** Sets a comment's deleted or status columns and resolves its open reports, in one write. */
export function updateCommentResolvingReports(
  db: SqliteDatabase,
  commentId: number,
  change: { status?: 'visible' | 'hidden'; deleted?: boolean },
  now: Date,
): Promise<Result<void>> {
  const at = prismaDateTime(now)
  return inWriteTransaction(db, () => {
    if (change.deleted)
      statement(db, `UPDATE "Comment" SET "deletedAt" = ?, "body" = '' WHERE "id" = ?`).run(at, commentId)
    if (change.status)
      statement(db, `UPDATE "Comment" SET "status" = ? WHERE "id" = ?`).run(change.status, commentId)
    statement(
      db,
      `UPDATE "CommentReport" SET "resolvedAt" = ? WHERE "commentId" = ? AND "resolvedAt" IS NULL`,
    ).run(at, commentId)
    return ok(undefined)
  })
}

/** Soft delete: the row stays as a placeholder for replies; its open reports are resolved. */
export function softDeleteComment(db: SqliteDatabase, commentId: number, now: Date): Promise<Result<void>> {
  return updateCommentResolvingReports(db, commentId, { deleted: true }, now)
}

/**
 * Records `reporter`'s report on a comment they can see; reporting twice re-opens the report
 * rather than counting the same person twice. Not found when there is no such comment for them.
 */
export async function upsertReport(
  handles: { db: PrismaClient; sqlite: SqliteDatabase },
  reporter: Viewer,
  commentId: number,
  reason: string,
  now: Date,
): Promise<Result<{ created: boolean }>> {
  const comment = await handles.db.comment.findFirst({
    where: { AND: [{ id: commentId, deletedAt: null }, visibleWhere(reporter)] },
    select: { id: true },
  })
  if (!comment) return notFound('comment')
  const db = handles.sqlite
  return inWriteTransaction(db, () => {
    const existing = statement(
      db,
      `SELECT 1 FROM "CommentReport" WHERE "commentId" = ? AND "reporterId" = ?`,
    ).get(commentId, reporter.id)
    // An empty reason on a second report keeps the first one's.
    statement(
      db,
      `INSERT INTO "CommentReport" ("commentId", "reporterId", "reason", "createdAt") VALUES (?, ?, ?, ?)
       ON CONFLICT ("commentId", "reporterId") DO UPDATE SET
         "resolvedAt" = NULL,
         "reason" = CASE WHEN excluded."reason" <> '' THEN excluded."reason" ELSE "reason" END`,
    ).run(commentId, reporter.id, reason, prismaDateTime(now))
    return ok({ created: existing === undefined })
  })
}
