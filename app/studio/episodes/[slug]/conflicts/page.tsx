// An episode's import conflicts: sentences a re-import left with the host's version
// (docs/decisions/0011-reimport-keeps-host-work.md). Each shows what the last import wrote,
// the host's version and the new transcript's, with word diffs, and lets the host keep theirs
// or take the new text (an `import` revision authored by them). Hosts of the show and admins.
import type { Metadata } from 'next'
import Link from 'next/link'
import { WordDiff } from '@/app/_components/word-diff'
import { resolveConflictAction } from '@/app/studio/episodes/[slug]/conflicts/actions'
import styles from '@/app/studio/episodes/[slug]/conflicts/conflicts.module.css'
import { allowedOrInterrupt } from '@/app/studio/_components/studio-access'
import { episodeImportConflicts, type OpenImportConflict } from '@/lib/import/conflict-operations'
import { currentContext } from '@/lib/operations/server-context'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Import conflicts · Studio' }

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ error?: string | string[] }> }

export default async function ImportConflictsPage({ params, searchParams }: Props) {
  const { slug } = await params
  const { error } = await searchParams
  const { episode, conflicts, open } = allowedOrInterrupt(
    await episodeImportConflicts(await currentContext(), { slug }),
    `/studio/episodes/${slug}/conflicts`,
  )
  return (
    <section className="studio">
      <p className="studio-breadcrumbs">
        <Link href="/studio">Studio</Link> ›{' '}
        <Link href={`/studio/shows/${episode.show.slug}`}>{episode.show.title}</Link> ›{' '}
        <Link href={`/studio/episodes/${episode.slug}`}>{episode.title}</Link> › Import conflicts
      </p>
      <h1>Import conflicts</h1>
      <p className="muted">
        A re-import kept your corrections where the new transcript says something else. Keep yours, or take
        the new text (it becomes a revision in the history, which you can revert).
      </p>
      {typeof error === 'string' ? (
        <p className="form-error" role="alert">
          {error.slice(0, 300)}
        </p>
      ) : null}
      {open === 0 ? (
        <p>No open conflicts.</p>
      ) : (
        <p>{open === 1 ? '1 open conflict.' : `${open} open conflicts.`}</p>
      )}
      {conflicts.length < open ? (
        <p className="muted">Showing the first {conflicts.length}; resolve some to see the rest.</p>
      ) : null}
      <ol className={styles.conflicts}>
        {conflicts.map((conflict) => (
          <Conflict key={conflict.id} conflict={conflict} episodeSlug={episode.slug} />
        ))}
      </ol>
    </section>
  )
}

function Conflict(props: { conflict: OpenImportConflict; episodeSlug: string }) {
  const { conflict, episodeSlug } = props
  const headingId = `conflict-${conflict.id}-heading`
  const title = conflict.position === null ? 'A sentence removed since' : `Sentence ${conflict.position + 1}`
  const yours = conflict.currentText ?? conflict.hostText
  const textConflict = conflict.fields.includes('text')
  const speakerConflict = conflict.fields.includes('speaker')
  const cannotTake =
    conflict.sentenceId === null
      ? 'The sentence is gone, so only keeping closes this conflict.'
      : textConflict && conflict.newText.trim() === ''
        ? 'The new transcript drops this sentence; merge it into a neighbour to remove it.'
        : null
  return (
    <li className={styles.conflict}>
      <h2 id={headingId}>
        {conflict.sentenceId !== null ? (
          <Link href={`/episodes/${episodeSlug}#s-${conflict.sentenceId}`}>{title}</Link>
        ) : (
          title
        )}
      </h2>
      <p className="muted">
        From {conflict.source}, {conflict.createdAt.toISOString().slice(0, 10)}.
      </p>
      <dl className={styles.versions}>
        <dt>Last import</dt>
        <dd>{conflict.oldText}</dd>
        <dt>Yours</dt>
        <dd>
          <WordDiff before={conflict.oldText} after={yours} />
          {conflict.currentText !== null && conflict.currentText !== conflict.hostText ? (
            <span className="muted"> (changed again since the re-import)</span>
          ) : null}
        </dd>
        <dt>New transcript</dt>
        <dd>
          {conflict.newText === '' ? (
            <em>(no such sentence)</em>
          ) : (
            <WordDiff before={yours} after={conflict.newText} />
          )}
        </dd>
        {speakerConflict ? (
          <>
            <dt>Speaker</dt>
            <dd>
              was {conflict.oldSpeaker ?? 'none'}, yours {conflict.hostSpeaker ?? 'none'}, new{' '}
              {conflict.newSpeaker ?? 'none'}
            </dd>
          </>
        ) : null}
      </dl>
      <form action={resolveConflictAction} className={styles.actions}>
        <input type="hidden" name="conflictId" value={conflict.id} />
        <input type="hidden" name="slug" value={episodeSlug} />
        <button type="submit" name="resolution" value="kept" aria-describedby={headingId}>
          Keep mine
        </button>
        {cannotTake ? (
          <span className="muted">{cannotTake}</span>
        ) : (
          <button type="submit" name="resolution" value="took-new" aria-describedby={headingId}>
            Take the new text
          </button>
        )}
      </form>
    </li>
  )
}
