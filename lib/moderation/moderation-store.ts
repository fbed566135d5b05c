// The data layer of moderation: the queue of held and reported comments, a host's action on
// one comment, and an episode's comments switch. Nothing here authorizes;
// lib/moderation/operations.ts does, through lib/auth/policy.ts.
import 'server-only'
import { updateCommentResolvingReports } from '@/lib/comments/mutations'
import type { ModerationAction } from '@/lib/comments/schemas'
import { COMMENT_SELECT, toCommentDto } from '@/lib/comments/threads'
import type { CommentDto } from '@/lib/comments/types'
import type { SqliteDatabase } from '@/lib/db/sqlite'
import type { PrismaClient } from '@/lib/generated/prisma/client'
import { notFound, ok, type Result } from '@/lib/result'

export interface QueueItem {
  comment: CommentDto
  episodeSlug: string
  episodeTitle: string
  /** The sentence the comment is on, as it reads now; null when a re-import removed it. */
  sentence: { id: number; text: string } | null
  /** Where the comment sits: `/episodes/<slug>#s-<sentence id>` (the comment's own anchor without a sentence). */
  href: string
  openReports: number
  reasons: string[]
  authorBanned: boolean
}

/** Held comments and comments with open reports, oldest first. */
export async function moderationQueue(
  db: PrismaClient,
  /** The shows whose comments the queue holds; every show without it. */
  showId?: { in: number[] },
): Promise<QueueItem[]> {
  const rows = await db.comment.findMany({
    where: {
      deletedAt: null,
      OR: [{ status: 'held' }, { reports: { some: { resolvedAt: null } } }],
      ...(showId ? { episode: { showId } } : {}),
    },
    select: {
      ...COMMENT_SELECT,
      episode: { select: { slug: true, title: true } },
      sentence: { select: { id: true, text: true } },
      author: { select: { id: true, name: true, bannedAt: true } },
      reports: { where: { resolvedAt: null }, select: { reason: true } },
    },
    orderBy: { createdAt: 'asc' },
    take: 200,
  })
  return rows.map((row) => ({
    comment: toCommentDto({ ...row, author: { id: row.author.id, name: row.author.name } }),
    episodeSlug: row.episode.slug,
    episodeTitle: row.episode.title,
    sentence: row.sentence,
    href: `/episodes/${row.episode.slug}#${row.sentence ? `s-${row.sentence.id}` : `c-${row.id}`}`,
    openReports: row.reports.length,
    reasons: row.reports.map((report) => report.reason).filter(Boolean),
    authorBanned: row.author.bannedAt !== null,
  }))
}

/**
 * Hides, shows again (unhide, approve), deletes or only dismisses the reports of a comment;
 * every action resolves the open reports, in one write transaction on the raw connection
 * (lib/db/write-transaction.ts). Not found when the comment does not exist.
 */
export async function applyModeration(
  handles: { db: PrismaClient; sqlite: SqliteDatabase },
  commentId: number,
  action: ModerationAction,
  now: Date,
): Promise<Result<{ episodeId: number }>> {
  const comment = await handles.db.comment.findUnique({
    where: { id: commentId },
    select: { episodeId: true },
  })
  if (!comment) return notFound('comment')
  const change =
    action === 'hide'
      ? { status: 'hidden' as const }
      : action === 'unhide' || action === 'approve'
        ? { status: 'visible' as const }
        : action === 'delete'
          ? { deleted: true }
          : {}
  const applied = await updateCommentResolvingReports(handles.sqlite, commentId, change, now)
  return applied.ok ? ok({ episodeId: comment.episodeId }) : applied
}

export async function updateCommentsEnabled(
  db: PrismaClient,
  episodeId: number,
  enabled: boolean,
): Promise<void> {
  await db.episode.update({ where: { id: episodeId }, data: { commentsEnabled: enabled } })
}
