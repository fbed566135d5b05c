'use client'
// A host's inline editor for one sentence: text, speaker, start time and a reason, saved
// with the version it was read at. Ctrl+Enter saves, Escape drops the draft. A stale version
// shows both texts side by side; the host picks one, nothing is overwritten silently. With
// audio, "Play this sentence" plays it (from the draft's start) up to the next sentence.
// A refused save keeps the draft, shows each error under its field and focuses the first; a
// save announces itself and hands focus back to the sentence (the editor starts again then).
import { useRouter } from 'next/navigation'
import { useId, useRef, useState, useTransition } from 'react'
import { announce } from '@/app/_components/announce'
import { focusWhenRendered } from '@/app/_components/focus-when-rendered'
import {
  editSentenceAction,
  mergeSentenceAction,
  splitSentenceAction,
} from '@/app/episodes/[slug]/correction-actions'
import { usePlayer } from '@/app/episodes/[slug]/_components/player-context'
import { useDraft, type SentenceDraft } from '@/app/episodes/[slug]/_components/use-draft'
import type { SentenceDto } from '@/lib/corrections/types'
import type { FormState } from '@/lib/forms/form-state'

export function SentenceEditor({ slug, sentence }: { slug: string; sentence: SentenceDto }) {
  const id = useId()
  const router = useRouter()
  const player = usePlayer()
  const saved: SentenceDraft = {
    text: sentence.text,
    speaker: sentence.speaker ?? '',
    startMs: String(sentence.startMs),
    reason: '',
    version: sentence.version,
  }
  const { draft, setDraft, clearDraft, restored } = useDraft(sentence.id, saved)
  const [state, setState] = useState<FormState | null>(null)
  const [pending, startTransition] = useTransition()
  const form = useRef<HTMLFormElement>(null)
  const textArea = useRef<HTMLTextAreaElement>(null)
  const conflictBox = useRef<HTMLDivElement>(null)
  const unchanged = draft.text === sentence.text
  const errors = state?.status === 'invalid' ? state.fieldErrors : {}
  const errorsOf = (name: EditorField) => errors[name] ?? []
  // The form's message: a failure, or an invalid edit whose errors are not under a field here.
  const formMessage =
    state?.status === 'failed' ||
    (state?.status === 'invalid' && !EDITOR_FIELDS.some((name) => errorsOf(name).length))
      ? state.message
      : ''
  const fieldProps = (name: EditorField) => ({
    id: `${id}-${name}`,
    'aria-invalid': errorsOf(name).length > 0,
    'aria-describedby': `${id}-${name}-error`,
  })

  function run(action: () => Promise<FormState>, done: string) {
    const from = form.current
    startTransition(async () => {
      const next = await action()
      setState(next)
      if (next.status === 'saved') {
        clearDraft(saved)
        announce(done)
        focusWhenRendered(`s-${sentence.id}`, from)
      } else if (next.status === 'conflict') {
        // Both versions are in the alert; start reading there.
        window.requestAnimationFrame(() => conflictBox.current?.focus())
      } else if (next.status !== 'idle') {
        const fields = next.status === 'invalid' ? next.fieldErrors : {}
        const first = EDITOR_FIELDS.find((name) => (fields[name] ?? []).length > 0) ?? 'text'
        document.getElementById(`${id}-${first}`)?.focus()
      }
    })
  }

  const save = () =>
    run(
      () =>
        editSentenceAction(slug, sentence.id, {
          text: draft.text,
          speaker: draft.speaker,
          startMs: Number(draft.startMs),
          version: draft.version,
          reason: draft.reason,
        }),
      'Sentence saved.',
    )
  const split = () =>
    run(
      () =>
        splitSentenceAction(slug, sentence.id, {
          at: textArea.current?.selectionStart ?? 0,
          version: sentence.version,
        }),
      'Sentence split in two.',
    )
  const merge = () =>
    run(
      () => mergeSentenceAction(slug, sentence.id, { version: sentence.version }),
      'Merged with the next sentence.',
    )

  return (
    <form
      ref={form}
      className="sentence-editor"
      aria-label="Edit this sentence"
      onSubmit={(event) => {
        event.preventDefault()
        save()
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          event.preventDefault()
          save()
        } else if (event.key === 'Escape') {
          // Escape drops the draft; the panel stays open.
          event.stopPropagation()
          clearDraft(saved)
          setState(null)
          announce('Draft dropped.')
        }
      }}
    >
      {restored ? <p className="muted">Restored your unsaved draft.</p> : null}
      <label htmlFor={`${id}-text`}>Sentence text</label>
      <textarea
        {...fieldProps('text')}
        ref={textArea}
        rows={3}
        value={draft.text}
        onChange={(event) => setDraft({ ...draft, text: event.target.value })}
      />
      <FieldError id={`${id}-text-error`} errors={errorsOf('text')} />
      <div className="editor-fields">
        <div>
          <label htmlFor={`${id}-speaker`}>Speaker</label>{' '}
          <input
            {...fieldProps('speaker')}
            value={draft.speaker}
            onChange={(event) => setDraft({ ...draft, speaker: event.target.value })}
          />
          <FieldError id={`${id}-speaker-error`} errors={errorsOf('speaker')} />
        </div>
        <div>
          <label htmlFor={`${id}-startMs`}>Start (ms)</label>{' '}
          <input
            {...fieldProps('startMs')}
            inputMode="numeric"
            value={draft.startMs}
            onChange={(event) => setDraft({ ...draft, startMs: event.target.value })}
          />
          <FieldError id={`${id}-startMs-error`} errors={errorsOf('startMs')} />
        </div>
        <div>
          <label htmlFor={`${id}-reason`}>Reason</label>{' '}
          <input
            {...fieldProps('reason')}
            value={draft.reason}
            onChange={(event) => setDraft({ ...draft, reason: event.target.value })}
          />
          <FieldError id={`${id}-reason-error`} errors={errorsOf('reason')} />
        </div>
      </div>
      <div className="editor-actions">
        <button type="submit" disabled={pending}>
          Save sentence
        </button>
        <button type="button" className="link-button" disabled={pending || !unchanged} onClick={split}>
          Split at cursor
        </button>
        <button type="button" className="link-button" disabled={pending || !unchanged} onClick={merge}>
          Merge with next
        </button>
        {player ? (
          // From the draft's start when it is a time, so a host hears a start time before saving it.
          <button
            type="button"
            className="link-button"
            onClick={() => {
              const draftStart = Number(draft.startMs)
              const from =
                draft.startMs.trim() !== '' && Number.isFinite(draftStart) && draftStart >= 0
                  ? draftStart
                  : undefined
              player.playSentence(sentence.id, from)
            }}
          >
            Play this sentence
          </button>
        ) : null}
      </div>
      <div role="alert">
        {formMessage ? <p className="form-error">{formMessage}</p> : null}
        {state?.status === 'conflict' ? (
          <div className="edit-conflict" ref={conflictBox} tabIndex={-1}>
            <p>
              Someone else saved this sentence while you were editing (now version {state.current.version}).
            </p>
            <p>
              Theirs: <q>{state.current.text}</q>
            </p>
            <p>
              Yours: <q>{state.yours.text ?? draft.text}</q>
            </p>
            <button
              type="button"
              onClick={() => {
                setDraft({ ...draft, version: state.current.version })
                setState(null)
                announce('Your text is kept. Save again to replace theirs.')
                textArea.current?.focus()
              }}
            >
              Keep mine (save again to replace theirs)
            </button>{' '}
            <button
              type="button"
              className="link-button"
              onClick={() => {
                const { current } = state
                clearDraft({
                  ...saved,
                  text: current.text,
                  speaker: current.speaker ?? '',
                  startMs: String(current.startMs),
                  version: current.version,
                })
                setState(null)
                router.refresh()
                // The editor starts again from their version (keyed by version); the sentence keeps focus meanwhile.
                announce('Their version is kept.')
                document.getElementById(`s-${sentence.id}`)?.focus()
              }}
            >
              Take theirs
            </button>
          </div>
        ) : null}
      </div>
    </form>
  )
}

type EditorField = 'text' | 'speaker' | 'startMs' | 'reason'
const EDITOR_FIELDS: readonly EditorField[] = ['text', 'speaker', 'startMs', 'reason']

/** A field's errors under it; the field points here with aria-describedby. */
function FieldError({ id, errors }: { id: string; errors: string[] }) {
  return (
    <p id={id} className="field-message">
      {errors.join(' ')}
    </p>
  )
}
