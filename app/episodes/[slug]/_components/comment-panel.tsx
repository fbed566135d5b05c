'use client'
// The thread of one sentence: what was said, the comments and replies, and the form to add
// one (or an invitation to sign in). Opens under the sentence; Escape or Close shuts it.
import Link from 'next/link'
import { useEffect, useRef } from 'react'
import { CommentForm } from '@/app/episodes/[slug]/_components/comment-form'
import { CommentThread } from '@/app/episodes/[slug]/_components/comment-item'
import { useComments } from '@/app/episodes/[slug]/_components/comments-context'
import { roleAllows } from '@/lib/auth/policy'
import { buildThreads } from '@/lib/comments/thread-shape'

export function CommentPanel(props: {
  sentenceId: number
  sentenceText: string
  children?: React.ReactNode
}) {
  const { sentenceId, sentenceText } = props
  const { comments, viewer, commentsEnabled, slug, linkedCommentId, close } = useComments()
  const panel = useRef<HTMLElement>(null)
  const threads = buildThreads(comments.filter((comment) => comment.sentenceId === sentenceId))
  // Closing hands focus back to the sentence, so keyboard users continue where they were.
  const closeAndReturn = () => {
    close()
    document.getElementById(`s-${sentenceId}`)?.focus()
  }

  useEffect(() => {
    const linked = linkedCommentId ? document.getElementById(`c-${linkedCommentId}`) : null
    if (linked && panel.current?.contains(linked)) linked.scrollIntoView({ block: 'center' })
    else panel.current?.focus()
  }, [linkedCommentId])

  return (
    <section
      ref={panel}
      id={`thread-${sentenceId}`}
      className="comment-panel"
      aria-label="Comments on this sentence"
      tabIndex={-1}
      onKeyDown={(event) => {
        if (event.key === 'Escape') closeAndReturn()
      }}
    >
      <header className="comment-panel-header">
        <blockquote className="comment-quote">{sentenceText}</blockquote>
        <button type="button" className="link-button" onClick={closeAndReturn}>
          Close
        </button>
      </header>
      {props.children}
      {threads.length === 0 ? <p className="muted">No comments on this sentence yet.</p> : null}
      <ol className="comment-list">
        {threads.map((node) => (
          <CommentThread key={node.comment.id} node={node} sentenceText={sentenceText} />
        ))}
      </ol>
      {!viewer ? (
        <p>
          <Link href={`/sign-in?next=${encodeURIComponent(`/episodes/${slug}#s-${sentenceId}`)}`}>
            Sign in
          </Link>{' '}
          or{' '}
          <Link href={`/sign-up?next=${encodeURIComponent(`/episodes/${slug}#s-${sentenceId}`)}`}>
            create an account
          </Link>{' '}
          to comment.
        </p>
      ) : viewer.banned ? (
        <p className="muted">Your account has been banned from commenting.</p>
      ) : commentsEnabled || roleAllows(viewer.role, 'moderate') ? (
        <CommentForm mode="create" sentenceId={sentenceId} />
      ) : (
        <p className="muted">Comments are turned off for this episode.</p>
      )}
    </section>
  )
}
