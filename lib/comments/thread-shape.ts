// Shaping a flat, creation-ordered comment list into what the page shows: counts per
// sentence and replies under their parents. Pure, used by the client components.
import type { CommentDto } from '@/lib/comments/types'

/** Comments per sentence, not counting deleted placeholders. */
export function countBySentence(comments: readonly CommentDto[]): Map<number, number> {
  const counts = new Map<number, number>()
  for (const comment of comments) {
    if (comment.deleted || comment.removed || comment.sentenceId === null) continue
    counts.set(comment.sentenceId, (counts.get(comment.sentenceId) ?? 0) + 1)
  }
  return counts
}

export interface ThreadNode {
  comment: CommentDto
  replies: ThreadNode[]
}

/** One sentence's comments as trees; a reply whose parent the viewer cannot see becomes a root. */
export function buildThreads(comments: readonly CommentDto[]): ThreadNode[] {
  const nodes = new Map<number, ThreadNode>()
  for (const comment of comments) nodes.set(comment.id, { comment, replies: [] })
  const roots: ThreadNode[] = []
  for (const node of nodes.values()) {
    const parent = node.comment.parentId === null ? undefined : nodes.get(node.comment.parentId)
    if (parent) parent.replies.push(node)
    else roots.push(node)
  }
  return roots
}
