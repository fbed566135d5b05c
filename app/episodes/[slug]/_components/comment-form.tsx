'use client'
// Writing, replying to and editing a comment. The text is checked with the server's own
// schema before sending; errors appear under the field, tied to it with aria-describedby and
// announced through an aria-live region. The text survives a failed attempt.
import { useId, useState, useTransition } from 'react'
import { createCommentAction, editCommentAction } from '@/app/episodes/[slug]/actions'
import { useComments } from '@/app/episodes/[slug]/_components/comments-context'
import { CommentFormSchema, EditCommentSchema } from '@/lib/comments/schemas'
import { IDLE, toFormState, type FormState } from '@/lib/forms/form-state'
import { parseInput } from '@/lib/operations/input'

type Props =
  | { mode: 'create'; sentenceId: number; parentId?: number; onDone?: () => void }
  | { mode: 'edit'; commentId: number; initialBody: string; onDone?: () => void }

export function CommentForm(props: Props) {
  const { slug } = useComments()
  const fieldId = useId()
  const [body, setBody] = useState(props.mode === 'edit' ? props.initialBody : '')
  const [state, setState] = useState<FormState>(IDLE)
  const [pending, startTransition] = useTransition()
  const errors = state.status === 'invalid' ? (state.fieldErrors.body ?? []) : []
  const message = state.status === 'idle' || state.status === 'saved' ? '' : errors.join(' ') || state.message
  const label = props.mode === 'edit' ? 'Edit your comment' : props.parentId ? 'Your reply' : 'Your comment'

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault()
    // The same rules the server applies, so most mistakes show before a round trip.
    const checked =
      props.mode === 'edit'
        ? parseInput(EditCommentSchema, { body })
        : parseInput(CommentFormSchema, { body, parentId: String(props.parentId ?? '') })
    if (!checked.ok) {
      setState(toFormState(checked))
      return
    }
    const form = new FormData(event.currentTarget)
    startTransition(async () => {
      const next = await (props.mode === 'edit' ? editCommentAction(form) : createCommentAction(form))
      setState(next)
      if (next.status !== 'saved') return
      if (props.mode === 'create') setBody('')
      props.onDone?.()
    })
  }

  return (
    <form className="comment-form" onSubmit={submit} noValidate>
      <input type="hidden" name="slug" value={slug} />
      {props.mode === 'edit' ? (
        <input type="hidden" name="commentId" value={props.commentId} />
      ) : (
        <>
          <input type="hidden" name="sentenceId" value={props.sentenceId} />
          <input type="hidden" name="parentId" value={props.parentId ?? ''} />
        </>
      )}
      <label htmlFor={fieldId}>{label}</label>
      <textarea
        id={fieldId}
        name="body"
        rows={3}
        value={body}
        onChange={(event) => setBody(event.target.value)}
        aria-invalid={errors.length > 0}
        aria-describedby={`${fieldId}-message`}
      />
      <p id={`${fieldId}-message`} className="field-message" role="status" aria-live="polite">
        {message}
      </p>
      <div className="comment-form-actions">
        <button type="submit" disabled={pending}>
          {props.mode === 'edit' ? 'Save' : props.parentId ? 'Post reply' : 'Comment'}
        </button>
        {props.onDone ? (
          <button type="button" className="link-button" onClick={props.onDone}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  )
}
