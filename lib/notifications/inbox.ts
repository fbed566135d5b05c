// Reading and marking a user's inbox (the data layer under lib/notifications/operations.ts;
// nothing here authorizes). What an entry says and where it leads are built here from the rows
// it names, as they are now: a reply hidden or deleted since is not quoted.
import 'server-only'
import { prismaDateTime } from '@/lib/db/datetime'
import type { SqliteDatabase } from '@/lib/db/sqlite'
import { statement } from '@/lib/db/statements'
import type { NotificationKind } from '@/lib/notifications/notify'

export interface InboxEntry {
  id: number
  kind: NotificationKind
  /** Who replied or reviewed; null once their account is gone. */
  actorName: string | null
  episodeTitle: string
  /** Where the entry leads: the sentence on the episode page (or the suggestions list). */
  href: string
  /** The reply's text, or the suggested text; '' when the reply was removed since. */
  excerpt: string
  /** A host's reason for rejecting a suggestion. */
  note: string
  createdAt: Date
  readAt: Date | null
}

interface InboxRow {
  id: number
  kind: NotificationKind
  actorName: string | null
  episodeSlug: string
  episodeTitle: string
  sentenceId: number | null
  commentBody: string | null
  commentShown: number | null
  suggestionText: string | null
  reviewNote: string | null
  createdAt: string
  readAt: string | null
}

/** The longest excerpt an entry quotes; the rest is on the page it leads to. */
const EXCERPT_MAX = 200

/** A page of `recipientId`'s inbox, newest first, entries older than `beforeId` when given. */
export function inboxPage(
  db: SqliteDatabase,
  recipientId: string,
  page: { beforeId: number | null; limit: number },
): InboxEntry[] {
  const rows = statement(
    db,
    `SELECT n."id", n."kind", a."name" AS "actorName", e."slug" AS "episodeSlug", e."title" AS "episodeTitle",
            n."sentenceId", c."body" AS "commentBody",
            (c."status" = 'visible' AND c."deletedAt" IS NULL) AS "commentShown",
            s."text" AS "suggestionText", s."reviewNote" AS "reviewNote", n."createdAt", n."readAt"
     FROM "Notification" n
     JOIN "Episode" e ON e."id" = n."episodeId"
     LEFT JOIN "User" a ON a."id" = n."actorId"
     LEFT JOIN "Comment" c ON c."id" = n."commentId"
     LEFT JOIN "Suggestion" s ON s."id" = n."suggestionId"
     WHERE n."recipientId" = ? AND n."id" < ?
     ORDER BY n."id" DESC LIMIT ?`,
  ).all(recipientId, page.beforeId ?? Number.MAX_SAFE_INTEGER, page.limit) as InboxRow[]
  return rows.map(toEntry)
}

function toEntry(row: InboxRow): InboxEntry {
  const episodePage = `/episodes/${encodeURIComponent(row.episodeSlug)}`
  const href =
    row.sentenceId !== null
      ? `${episodePage}#s-${row.sentenceId}`
      : row.kind === 'reply'
        ? episodePage
        : '/suggestions'
  const text =
    row.kind === 'reply' ? (row.commentShown ? (row.commentBody ?? '') : '') : (row.suggestionText ?? '')
  return {
    id: row.id,
    kind: row.kind,
    actorName: row.actorName,
    episodeTitle: row.episodeTitle,
    href,
    excerpt: text.length > EXCERPT_MAX ? `${text.slice(0, EXCERPT_MAX - 1)}…` : text,
    note: row.kind === 'suggestion-rejected' ? (row.reviewNote ?? '') : '',
    createdAt: new Date(row.createdAt),
    readAt: row.readAt === null ? null : new Date(row.readAt),
  }
}

/** Where entry `id` of `recipientId` leads, or null when they have no such entry. */
export function inboxEntry(db: SqliteDatabase, recipientId: string, id: number): InboxEntry | null {
  const [entry] = inboxPage(db, recipientId, { beforeId: id + 1, limit: 1 })
  return entry?.id === id ? entry : null
}

export function unreadCountOf(db: SqliteDatabase, recipientId: string): number {
  const row = statement(
    db,
    `SELECT count(*) AS "unread" FROM "Notification" WHERE "recipientId" = ? AND "readAt" IS NULL`,
  ).get(recipientId) as { unread: number }
  return row.unread
}

/** Marks one entry (`id`) or every unread one as read; answers how many changed. */
export function markInboxRead(
  db: SqliteDatabase,
  recipientId: string,
  which: { id?: number },
  now: Date,
): number {
  const at = prismaDateTime(now)
  if (which.id !== undefined)
    return statement(
      db,
      `UPDATE "Notification" SET "readAt" = ? WHERE "recipientId" = ? AND "id" = ? AND "readAt" IS NULL`,
    ).run(at, recipientId, which.id).changes
  return statement(
    db,
    `UPDATE "Notification" SET "readAt" = ? WHERE "recipientId" = ? AND "readAt" IS NULL`,
  ).run(at, recipientId).changes
}
