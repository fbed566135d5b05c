'use client'
// The revisions of one sentence, newest first, each as a word diff with who, when and why;
// hosts can revert any of them (the revert is itself a new revision). Loaded from the public
// JSON API when the panel opens, and again whenever the sentence's version changes.
import { useEffect, useState, useTransition } from 'react'
import { WordDiff } from '@/app/_components/word-diff'
import { revertRevisionAction } from '@/app/episodes/[slug]/correction-actions'
import type { RevisionDto } from '@/lib/corrections/types'
import { formatTimestamp } from '@/lib/format'

export function SentenceHistory(props: {
  slug: string
  sentenceId: number
  version: number
  canRevert: boolean
}) {
  const { slug, sentenceId, version, canRevert } = props
  const [revisions, setRevisions] = useState<RevisionDto[] | null>(null)
  const [message, setMessage] = useState('')
  const [pending, startTransition] = useTransition()

  useEffect(() => {
    let live = true
    fetch(`/api/sentences/${sentenceId}/revisions`)
      .then((response) => (response.ok ? response.json() : { revisions: [] }))
      .then((body: { revisions: RevisionDto[] }) => {
        if (live) setRevisions(body.revisions)
      })
      .catch(() => {
        if (live) setRevisions([])
      })
    return () => {
      live = false
    }
  }, [sentenceId, version])

  if (!revisions || revisions.length === 0) return null
  return (
    <section className="sentence-history" aria-label="History of this sentence">
      <h3>History</h3>
      <ol>
        {revisions.map((revision) => (
          <li key={revision.id} className="revision">
            <p className="revision-meta muted">
              {kindLabel(revision)} by {revision.author.name}
              {revision.creditedTo ? ` (suggested by ${revision.creditedTo.name})` : ''},{' '}
              <time dateTime={revision.createdAt}>
                {revision.createdAt.slice(0, 16).replace('T', ' ')} UTC
              </time>
              {revision.reason ? ` — ${revision.reason}` : ''}
            </p>
            <p className="revision-diff">
              <WordDiff before={revision.before.text} after={revision.after.text} />
            </p>
            {revision.before.speaker !== revision.after.speaker ? (
              <p className="muted">
                Speaker: {revision.before.speaker ?? '—'} → {revision.after.speaker ?? '—'}
              </p>
            ) : null}
            {revision.before.startMs !== revision.after.startMs ? (
              <p className="muted">
                Start: {formatTimestamp(revision.before.startMs)} → {formatTimestamp(revision.after.startMs)}
              </p>
            ) : null}
            {canRevert && revertsAlone(revision) ? (
              <button
                type="button"
                className="link-button"
                disabled={pending}
                onClick={() =>
                  startTransition(async () => {
                    const result = await revertRevisionAction(slug, revision.id)
                    setMessage(result.status === 'saved' || result.status === 'idle' ? '' : result.message)
                  })
                }
              >
                Revert revision {revision.id}
              </button>
            ) : null}
          </li>
        ))}
      </ol>
      <p className="muted">
        {/* Whole changes (a find/replace, a split) revert as one from the episode's history. */}
        <a href={`/episodes/${slug}/history?sentence=${sentenceId}`}>Every change to this sentence</a>
      </p>
      <p aria-live="polite" className="form-error">
        {message}
      </p>
    </section>
  )
}

function kindLabel(revision: RevisionDto): string {
  const labels = {
    edit: 'Edited',
    revert: 'Reverted',
    suggestion: 'Suggestion accepted',
    split: 'Split',
    merge: 'Merged',
    replace: 'Replaced',
    import: 'Re-imported',
  }
  return labels[revision.kind]
}

/**
 * One side of a split or merge, or a sentence added or removed, reverts only with its whole
 * change (on the episode's history page); everything else reverts alone here.
 */
function revertsAlone(revision: RevisionDto): boolean {
  if (revision.kind === 'split' || revision.kind === 'merge') return false
  return revision.before.text !== '' && revision.after.text !== ''
}
