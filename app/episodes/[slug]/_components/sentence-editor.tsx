'use client'
// A host's inline editor for one sentence: text, speaker, start time and a reason, saved
// with the version it was read at. Ctrl+Enter saves, Escape drops the draft. A stale version
// shows both texts side by side; the host picks one, nothing is overwritten silently. With
// audio, "Play this sentence" plays it (from the draft's start) up to the next sentence.
import { useRouter } from 'next/navigation'
import { useId, useRef, useState, useTransition } from 'react'
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
  const textArea = useRef<HTMLTextAreaElement>(null)
  const unchanged = draft.text === sentence.text

  function run(action: () => Promise<FormState>) {
    startTransition(async () => {
      const next = await action()
      setState(next)
      if (next.status === 'saved') clearDraft(saved)
    })
  }

  const save = () =>
    run(() =>
      editSentenceAction(slug, sentence.id, {
        text: draft.text,
        speaker: draft.speaker,
        startMs: Number(draft.startMs),
        version: draft.version,
        reason: draft.reason,
      }),
    )
  const split = () =>
    run(() =>
      splitSentenceAction(slug, sentence.id, {
        at: textArea.current?.selectionStart ?? 0,
        version: sentence.version,
      }),
    )
  const merge = () => run(() => mergeSentenceAction(slug, sentence.id, { version: sentence.version }))

  return (
    <form
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
        }
      }}
    >
      {restored ? <p className="muted">Restored your unsaved draft.</p> : null}
      <label htmlFor={`${id}-text`}>Sentence text</label>
      <textarea
        id={`${id}-text`}
        ref={textArea}
        rows={3}
        value={draft.text}
        onChange={(event) => setDraft({ ...draft, text: event.target.value })}
      />
      <div className="editor-fields">
        <label>
          Speaker{' '}
          <input
            value={draft.speaker}
            onChange={(event) => setDraft({ ...draft, speaker: event.target.value })}
          />
        </label>
        <label>
          Start (ms){' '}
          <input
            inputMode="numeric"
            value={draft.startMs}
            onChange={(event) => setDraft({ ...draft, startMs: event.target.value })}
          />
        </label>
        <label>
          Reason{' '}
          <input
            value={draft.reason}
            onChange={(event) => setDraft({ ...draft, reason: event.target.value })}
          />
        </label>
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
      <div aria-live="polite">
        {state?.status === 'failed' || state?.status === 'invalid' ? (
          <p className="form-error">{state.message}</p>
        ) : null}
        {state?.status === 'saved' ? <p className="muted">Saved.</p> : null}
        {state?.status === 'conflict' ? (
          <div className="edit-conflict" role="alert">
            <p>
              Someone else saved this sentence while you were editing (now version {state.current.version}).
            </p>
            <p>
              Theirs: <q>{state.current.text}</q>
            </p>
            <p>
              Yours: <q>{state.yours.text ?? draft.text}</q>
            </p>
            <button type="button" onClick={() => setDraft({ ...draft, version: state.current.version })}>
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
