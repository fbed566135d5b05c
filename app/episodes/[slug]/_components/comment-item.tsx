'use client'
// One comment with its replies: author, time, text, and what the viewer may do with it
// (reply, edit, delete, report; hide/unhide/approve and ban the author for hosts). `c-<id>` is
// its permalink. A deleted or removed (hidden) parent shows as a one-line stub above its replies.
import { useState } from 'react'
import { CommentActions } from '@/app/episodes/[slug]/_components/comment-actions'
import { CommentBody } from '@/app/_components/comment-body'
import { CommentForm } from '@/app/episodes/[slug]/_components/comment-form'
import { useComments } from '@/app/episodes/[slug]/_components/comments-context'
import type { ThreadNode } from '@/lib/comments/thread-shape'
import { isEarlierWording } from '@/lib/sentences/re-anchor'

export function CommentThread({ node, sentenceText }: { node: ThreadNode; sentenceText: string }) {
  const { comment } = node
  const { linkedCommentId } = useComments()
  const [mode, setMode] = useState<'read' | 'edit' | 'reply'>('read')
  // A dropped reply or edit hands focus back to the button that opened it.
  const cancel = (opener: 'reply' | 'edit') => {
    setMode('read')
    document.getElementById(`${opener}-${comment.id}`)?.focus()
  }
  const classes = ['comment', comment.id === linkedCommentId ? 'is-linked' : '', `is-${comment.status}`]
  return (
    <li>
      <article
        id={`c-${comment.id}`}
        // Not a tab stop; focus lands here after posting or saving it.
        tabIndex={-1}
        className={classes.join(' ')}
        aria-label={comment.removed ? 'Removed comment' : `Comment by ${comment.author.name}`}
      >
        {comment.deleted ? (
          <p className="muted">This comment was deleted.</p>
        ) : comment.removed ? (
          <p className="muted">
            {comment.status === 'held'
              ? 'This comment is awaiting review.'
              : 'This comment was removed by a moderator.'}
          </p>
        ) : (
          <>
            <header className="comment-meta">
              <span className="comment-author">{comment.author.name}</span>{' '}
              <a href={`#c-${comment.id}`} className="comment-permalink">
                <time dateTime={comment.createdAt}>{formatWhen(comment.createdAt)}</time>
              </a>
              {comment.editedAt ? <span className="muted"> (edited)</span> : null}
              {comment.status !== 'visible' ? (
                <span className="comment-badge">{statusLabel(comment.status)}</span>
              ) : null}
            </header>
            {isEarlierWording(comment.quote, sentenceText) ? (
              <p className="comment-earlier muted">
                Written on an earlier wording: <q>{comment.quote}</q>
              </p>
            ) : null}
            {mode === 'edit' ? (
              <CommentForm
                mode="edit"
                commentId={comment.id}
                initialBody={comment.body}
                onSaved={() => setMode('read')}
                onCancel={() => cancel('edit')}
              />
            ) : (
              <CommentBody text={comment.body} />
            )}
            <CommentActions
              comment={comment}
              onReply={() => setMode('reply')}
              onEdit={() => setMode('edit')}
            />
            {mode === 'reply' && comment.sentenceId !== null ? (
              <CommentForm
                mode="create"
                sentenceId={comment.sentenceId}
                parentId={comment.id}
                onSaved={() => setMode('read')}
                onCancel={() => cancel('reply')}
              />
            ) : null}
          </>
        )}
      </article>
      {node.replies.length > 0 ? (
        <ol className="comment-list replies">
          {node.replies.map((reply) => (
            <CommentThread key={reply.comment.id} node={reply} sentenceText={sentenceText} />
          ))}
        </ol>
      ) : null}
    </li>
  )
}

function statusLabel(status: string): string {
  return status === 'held' ? 'Awaiting review' : 'Hidden by a moderator'
}

/** UTC and fixed, so the server and the browser render the same text. */
function formatWhen(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`
}
