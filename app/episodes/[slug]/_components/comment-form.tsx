'use client'
// Writing, replying to and editing a comment. The text is checked with the server's own
// schema before sending; errors appear under the field, tied to it with aria-describedby and
// announced through an aria-live region, and focus goes back to the field. The text survives a
// failed attempt (it is the form's own state; nothing resets it but a save). After a save,
// focus moves to the comment that was made or changed and the outcome is announced.
import { useId, useRef, useState, useTransition } from 'react'
import { announce } from '@/app/_components/announce'
import { focusWhenRendered } from '@/app/_components/focus-when-rendered'
import { createCommentAction, editCommentAction } from '@/app/episodes/[slug]/actions'
import { useComments } from '@/app/episodes/[slug]/_components/comments-context'
import { CommentFormSchema, EditCommentSchema } from '@/lib/comments/schemas'
import { IDLE, toFormState, type FormState } from '@/lib/forms/form-state'
import { parseInput } from '@/lib/operations/input'

type Props =
  | { mode: 'create'; sentenceId: number; parentId?: number; onSaved?: () => void; onCancel?: () => void }
  | { mode: 'edit'; commentId: number; initialBody: string; onSaved?: () => void; onCancel?: () => void }

export function CommentForm(props: Props) {
  const { slug } = useComments()
  const fieldId = useId()
  const form = useRef<HTMLFormElement>(null)
  const field = useRef<HTMLTextAreaElement>(null)
  const [body, setBody] = useState(props.mode === 'edit' ? props.initialBody : '')
  const [state, setState] = useState<FormState<unknown>>(IDLE)
  const [pending, startTransition] = useTransition()
  const errors = state.status === 'invalid' ? (state.fieldErrors.body ?? []) : []
  const message = state.status === 'idle' || state.status === 'saved' ? '' : errors.join(' ') || state.message
  const label = props.mode === 'edit' ? 'Edit your comment' : props.parentId ? 'Your reply' : 'Your comment'

  /** A refusal: the text stays, and focus goes back to it so it can be corrected. */
  function refused(next: FormState<unknown>) {
    setState(next)
    field.current?.focus()
  }

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault()
    // The same rules the server applies, so most mistakes show before a round trip.
    const checked =
      props.mode === 'edit'
        ? parseInput(EditCommentSchema, { body })
        : parseInput(CommentFormSchema, { body, parentId: String(props.parentId ?? '') })
    if (!checked.ok) {
      refused(toFormState(checked))
      return
    }
    const data = new FormData(event.currentTarget)
    startTransition(async () => {
      if (props.mode === 'edit') {
        const edited = await editCommentAction(data)
        if (edited.status !== 'saved') return refused(edited)
        setState(edited)
        props.onSaved?.()
        announce('Comment saved.')
        focusWhenRendered(`c-${props.commentId}`, form.current)
        return
      }
      const created = await createCommentAction(data)
      if (created.status !== 'saved') return refused(created)
      setState(created)
      setBody('')
      props.onSaved?.()
      announce(props.parentId ? 'Reply posted.' : 'Comment posted.')
      // The new comment once it renders; if it does not (held back, say), the form again.
      const textArea = field.current
      focusWhenRendered(`c-${created.value.commentId}`, form.current, () => textArea?.focus())
    })
  }

  return (
    <form
      ref={form}
      className="comment-form"
      onSubmit={submit}
      noValidate
      onKeyDown={(event) => {
        // Escape in a reply or an edit drops just that form; in the thread's form it closes the thread.
        if (event.key !== 'Escape' || !props.onCancel) return
        event.stopPropagation()
        props.onCancel()
      }}
    >
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
        ref={field}
        name="body"
        rows={3}
        value={body}
        // A reply or an edit opens for typing; the thread's own form waits to be chosen.
        autoFocus={props.mode === 'edit' || props.parentId !== undefined}
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
        {props.onCancel ? (
          <button type="button" className="link-button" onClick={props.onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  )
}
