'use client'
// The buttons under a comment, limited to what the viewer may do; the server checks again.
// Delete, report, moderation and banning the author go straight to their server actions; the
// outcome is read out, and focus that the action took away returns to the comment.
import { useState, useTransition } from 'react'
import { announce } from '@/app/_components/announce'
import { focusWhenRendered } from '@/app/_components/focus-when-rendered'
import {
  banCommentAuthorAction,
  deleteCommentAction,
  moderateCommentAction,
  reportCommentAction,
} from '@/app/episodes/[slug]/actions'
import { useComments } from '@/app/episodes/[slug]/_components/comments-context'
import type { CommentDto } from '@/lib/comments/types'
import { roleAllows } from '@/lib/auth/policy'
import type { FormState } from '@/lib/forms/form-state'

type ServerAction = (form: FormData) => Promise<FormState>

export function CommentActions(props: { comment: CommentDto; onReply: () => void; onEdit: () => void }) {
  const { comment } = props
  const { viewer, slug, commentsEnabled } = useComments()
  const [message, setMessage] = useState('')
  const [pending, startTransition] = useTransition()
  if (!viewer) return null
  const own = viewer.id === comment.author.id
  const moderator = roleAllows(viewer.role, 'moderate')
  const canWrite = !viewer.banned && (commentsEnabled || moderator)

  function run(action: ServerAction, fields: Record<string, string>, done: string) {
    const form = new FormData()
    form.set('slug', slug)
    form.set('commentId', String(comment.id))
    for (const [name, value] of Object.entries(fields)) form.set(name, value)
    startTransition(async () => {
      const result = await action(form)
      const said = result.status === 'saved' ? done : 'message' in result ? result.message : ''
      setMessage(said)
      // Read out from the page's live region: this one goes when a delete turns the comment into a stub.
      announce(said)
      // A pressed button that went away (Delete, Hide) or lost focus while disabled: back to the comment.
      focusWhenRendered(`c-${comment.id}`, null)
    })
  }

  return (
    <div className="comment-actions">
      {canWrite ? (
        <button id={`reply-${comment.id}`} type="button" className="link-button" onClick={props.onReply}>
          Reply
        </button>
      ) : null}
      {own && !viewer.banned ? (
        <>
          <button id={`edit-${comment.id}`} type="button" className="link-button" onClick={props.onEdit}>
            Edit
          </button>
          <button
            type="button"
            className="link-button"
            disabled={pending}
            onClick={() => run(deleteCommentAction, {}, 'Deleted.')}
          >
            Delete
          </button>
        </>
      ) : null}
      {!own && !viewer.banned ? (
        <button
          type="button"
          className="link-button"
          disabled={pending}
          onClick={() => run(reportCommentAction, {}, 'Reported. A host will look at it.')}
        >
          Report
        </button>
      ) : null}
      {moderator ? <ModerationButtons comment={comment} run={run} pending={pending} /> : null}
      {moderator && !own ? <BanAuthorButton comment={comment} run={run} pending={pending} /> : null}
      <span className="action-message">{message}</span>
    </div>
  )
}

function ModerationButtons(props: {
  comment: CommentDto
  pending: boolean
  run: (action: ServerAction, fields: Record<string, string>, done: string) => void
}) {
  const { comment, run, pending } = props
  const button = (action: string, label: string) => (
    <button
      type="button"
      className="link-button"
      disabled={pending}
      onClick={() => run(moderateCommentAction, { action }, `${label}: done.`)}
    >
      {label}
    </button>
  )
  return (
    <>
      {comment.status === 'visible' ? button('hide', 'Hide') : null}
      {comment.status === 'hidden' ? button('unhide', 'Unhide') : null}
      {comment.status === 'held' ? button('approve', 'Approve') : null}
      {button('delete', 'Remove')}
    </>
  )
}

/** Hosts ban (or unban) a comment's author here; whom they may ban is the server's call (its refusal is read out). */
function BanAuthorButton(props: {
  comment: CommentDto
  pending: boolean
  run: (action: ServerAction, fields: Record<string, string>, done: string) => void
}) {
  const { comment, run, pending } = props
  const banned = comment.authorBanned === true
  return (
    <button
      type="button"
      className="link-button"
      disabled={pending}
      onClick={() =>
        run(
          banCommentAuthorAction,
          { authorId: comment.author.id, banned: String(!banned) },
          banned ? `${comment.author.name} can comment again.` : `${comment.author.name} is banned.`,
        )
      }
    >
      {banned ? 'Unban author' : 'Ban author'}
    </button>
  )
}
