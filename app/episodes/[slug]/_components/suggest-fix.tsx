'use client'
// "Suggest a fix" for signed-in listeners: propose a new text for the sentence; a host
// reviews it at /suggestions, where the suggester also sees the outcome.
import Link from 'next/link'
import { useId, useState, useTransition } from 'react'
import { suggestFixAction } from '@/app/episodes/[slug]/correction-actions'
import type { FormState } from '@/lib/forms/form-state'

export function SuggestFix({ slug, sentenceId, text }: { slug: string; sentenceId: number; text: string }) {
  const id = useId()
  const [open, setOpen] = useState(false)
  const [draft, setDraft] = useState(text)
  const [state, setState] = useState<FormState | null>(null)
  const [pending, startTransition] = useTransition()
  if (!open)
    return (
      <p>
        <button type="button" className="link-button" onClick={() => setOpen(true)}>
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
      onSubmit={(event) => {
        event.preventDefault()
        startTransition(async () => {
          const next = await suggestFixAction(slug, sentenceId, { text: draft })
          setState(next)
          if (next.status === 'saved') setOpen(false)
        })
      }}
    >
      <label htmlFor={id}>Your suggested text</label>
      <textarea id={id} rows={3} value={draft} onChange={(event) => setDraft(event.target.value)} />
      <button type="submit" disabled={pending}>
        Send suggestion
      </button>{' '}
      <button type="button" className="link-button" onClick={() => setOpen(false)}>
        Cancel
      </button>
      <p aria-live="polite" className="form-error">
        {state?.status === 'failed' || state?.status === 'invalid' ? state.message : ''}
      </p>
    </form>
  )
}
