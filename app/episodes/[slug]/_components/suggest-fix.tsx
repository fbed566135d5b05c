'use client'
// "Suggest a fix" for signed-in listeners: propose a new text for the sentence; a host
// reviews it at /suggestions, where the suggester also sees the outcome. A refused suggestion
// keeps its text, with the error under the field (announced) and focus back in it; sending or
// cancelling closes the form and hands focus back to the "Suggest a fix" button.
import Link from 'next/link'
import { useEffect, useId, useRef, useState, useTransition } from 'react'
import { announce } from '@/app/_components/announce'
import { suggestFixAction } from '@/app/episodes/[slug]/correction-actions'
import type { FormState } from '@/lib/forms/form-state'

export function SuggestFix({ slug, sentenceId, text }: { slug: string; sentenceId: number; text: string }) {
  const id = useId()
  const [open, setOpen] = useState(false)
  const [draft, setDraft] = useState(text)
  const [state, setState] = useState<FormState | null>(null)
  const [pending, startTransition] = useTransition()
  const opener = useRef<HTMLButtonElement>(null)
  const field = useRef<HTMLTextAreaElement>(null)
  // Where focus goes when the form opens or closes; null: leave it where it is (first render).
  const [focusTarget, setFocusTarget] = useState<'field' | 'opener' | null>(null)
  const errors = state?.status === 'invalid' ? (state.fieldErrors.text ?? []) : []
  const message =
    state?.status === 'failed' || state?.status === 'invalid' ? errors.join(' ') || state.message : ''

  useEffect(() => {
    if (focusTarget === 'field') field.current?.focus()
    if (focusTarget === 'opener') opener.current?.focus()
  }, [focusTarget, open, state])

  const close = () => {
    setOpen(false)
    setFocusTarget('opener')
  }

  if (!open)
    return (
      <p>
        <button
          ref={opener}
          type="button"
          className="link-button"
          onClick={() => {
            setOpen(true)
            setState(null)
            setFocusTarget('field')
          }}
        >
          Suggest a fix
        </button>
        {state?.status === 'saved' ? (
          <span className="muted">
            {' '}
            Thanks! A host will review it (<Link href="/suggestions">your suggestions</Link>).
          </span>
        ) : null}
      </p>
    )
  return (
    <form
      className="suggest-fix"
      aria-label="Suggest a fix"
      onSubmit={(event) => {
        event.preventDefault()
        startTransition(async () => {
          const next = await suggestFixAction(slug, sentenceId, { text: draft })
          setState(next)
          if (next.status === 'saved') {
            announce('Suggestion sent. A host will review it.')
            close()
          } else setFocusTarget('field')
        })
      }}
      onKeyDown={(event) => {
        // Escape drops just this form; the thread stays open.
        if (event.key !== 'Escape') return
        event.stopPropagation()
        close()
      }}
    >
      <label htmlFor={id}>Your suggested text</label>
      <textarea
        id={id}
        ref={field}
        rows={3}
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        aria-invalid={message !== ''}
        aria-describedby={`${id}-message`}
      />
      <p id={`${id}-message`} role="alert" className="form-error">
        {message}
      </p>
      <div className="editor-actions">
        <button type="submit" disabled={pending}>
          Send suggestion
        </button>
        <button type="button" className="link-button" onClick={close}>
          Cancel
        </button>
      </div>
    </form>
  )
}
