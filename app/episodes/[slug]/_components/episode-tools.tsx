'use client'
// Hosts' episode-wide tools, folded away under the header: find and replace (preview every
// change as a word diff, then apply) and renaming a speaker across the episode.
import { useState, useTransition } from 'react'
import { WordDiff } from '@/app/_components/word-diff'
import { renameSpeakerAction, replaceAction } from '@/app/episodes/[slug]/episode-tool-actions'
import type { ReplacementPreview } from '@/lib/corrections/find-replace'
import type { FormState } from '@/lib/forms/form-state'

/** What the tools show: nothing, a replacement preview, or the outcome in words. */
type ToolView =
  | { status: 'idle' }
  | { status: 'preview'; changes: ReplacementPreview[] }
  | { status: 'message'; message: string }

function viewOf<T>(state: FormState<T>, saved: (value: T) => ToolView): ToolView {
  if (state.status === 'saved') return saved(state.value)
  return state.status === 'idle' ? state : { status: 'message', message: state.message }
}

export function EpisodeTools({ slug, speakers }: { slug: string; speakers: string[] }) {
  const [find, setFind] = useState('')
  const [replace, setReplace] = useState('')
  const [wholeShow, setWholeShow] = useState(false)
  const [from, setFrom] = useState(speakers[0] ?? '')
  const [to, setTo] = useState('')
  const [state, setState] = useState<ToolView>({ status: 'idle' })
  const [pending, startTransition] = useTransition()
  const run = (action: () => Promise<ToolView>) => startTransition(async () => setState(await action()))
  const request = (apply: boolean) => ({ find, replace, scope: wholeShow ? 'show' : 'episode', apply })
  const replaceAll = (apply: boolean) =>
    run(async () =>
      viewOf(await replaceAction(slug, request(apply)), ({ changes, applied }) =>
        applied
          ? {
              status: 'message',
              message: `Replaced in ${changes.length} sentence${changes.length === 1 ? '' : 's'}.`,
            }
          : { status: 'preview', changes },
      ),
    )
  const rename = () =>
    run(async () =>
      viewOf(await renameSpeakerAction(slug, { from, to }), ({ changed }) => ({
        status: 'message',
        message: `Renamed the speaker on ${changed} sentences.`,
      })),
    )

  return (
    <details className="episode-tools">
      <summary>Find and replace, rename a speaker</summary>
      <form
        className="sentence-editor"
        aria-label="Find and replace"
        onSubmit={(event) => {
          event.preventDefault()
          replaceAll(false)
        }}
      >
        <div className="editor-fields">
          <label>
            Find <input value={find} onChange={(event) => setFind(event.target.value)} />
          </label>
          <label>
            Replace with <input value={replace} onChange={(event) => setReplace(event.target.value)} />
          </label>
          <label>
            <input
              type="checkbox"
              checked={wholeShow}
              onChange={(event) => setWholeShow(event.target.checked)}
            />{' '}
            Whole show
          </label>
          <button type="submit" disabled={pending}>
            Preview
          </button>
        </div>
      </form>
      {state.status === 'preview' ? (
        <div aria-label="Replacement preview" role="region">
          <p>{state.changes.length} sentence(s) would change.</p>
          <ol className="revision-list">
            {state.changes.map((change) => (
              <li key={change.sentenceId} className="revision">
                <WordDiff before={change.before} after={change.after} />
              </li>
            ))}
          </ol>
          {state.changes.length > 0 ? (
            <button type="button" disabled={pending} onClick={() => replaceAll(true)}>
              Apply {state.changes.length} change(s)
            </button>
          ) : null}
        </div>
      ) : null}
      {speakers.length > 0 ? (
        <form
          className="sentence-editor"
          aria-label="Rename a speaker"
          onSubmit={(event) => {
            event.preventDefault()
            rename()
          }}
        >
          <div className="editor-fields">
            <label>
              Speaker{' '}
              <select value={from} onChange={(event) => setFrom(event.target.value)}>
                {speakers.map((speaker) => (
                  <option key={speaker}>{speaker}</option>
                ))}
              </select>
            </label>
            <label>
              New name <input value={to} onChange={(event) => setTo(event.target.value)} />
            </label>
            <button type="submit" disabled={pending}>
              Rename
            </button>
          </div>
        </form>
      ) : null}
      <p aria-live="polite">{state.status === 'message' ? state.message : ''}</p>
    </details>
  )
}
