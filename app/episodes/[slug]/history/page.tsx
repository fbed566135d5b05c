// An episode's history as changes, newest first: each change is what one use case did (a
// find/replace over five sentences is one change with five revisions), with who, when and why,
// a word diff per sentence, and for hosts of the show a button that reverts the whole change.
// Filters (sentence, author, kind) are a plain GET form, so a filtered view is a link.
import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { WordDiff } from '@/app/_components/word-diff'
import { RevertChangeButton } from '@/app/episodes/[slug]/history/_components/revert-change-button'
import styles from '@/app/episodes/[slug]/history/_components/history.module.css'
import { CHANGES_PAGE_SIZE } from '@/lib/corrections/changes'
import { episodeChanges } from '@/lib/corrections/change-operations'
import { CHANGE_KINDS, type ChangeDto, type ChangeKind, type RevisionDto } from '@/lib/corrections/types'
import { failureMessage } from '@/lib/failures'
import { formatTimestamp } from '@/lib/format'
import { currentContext } from '@/lib/operations/server-context'

export const dynamic = 'force-dynamic'

type Props = {
  params: Promise<{ slug: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}

const KIND_LABEL: Record<ChangeKind, string> = {
  edit: 'Edit',
  replace: 'Find and replace',
  rename: 'Speaker rename',
  split: 'Split',
  merge: 'Merge',
  suggestion: 'Accepted suggestion',
  import: 'Re-import',
  revert: 'Revert',
}

const FILTER_KEYS = ['sentence', 'author', 'kind', 'before'] as const

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Edit history of ${(await params).slug}` }
}

export default async function EpisodeHistoryPage({ params, searchParams }: Props) {
  const { slug } = await params
  const raw = await searchParams
  // Only the filters this page knows; a repeated key counts once (its first value).
  const query = Object.fromEntries(
    FILTER_KEYS.flatMap((key) => {
      const value = raw[key]
      const first = Array.isArray(value) ? value[0] : value
      return first === undefined ? [] : [[key, first]]
    }),
  )
  const ctx = await currentContext()
  let history = await episodeChanges(ctx, { slug, query })
  let refusedFilter: string | null = null
  if (!history.ok && history.failure.error === 'invalid') {
    refusedFilter = failureMessage(history.failure)
    history = await episodeChanges(ctx, { slug, query: {} })
  }
  if (!history.ok) notFound()
  const { episode, changes, authors, filter, canRevert } = history.value
  const filtered = Boolean(filter.sentenceId || filter.authorId || filter.kind)
  const oldest = changes.at(-1)
  return (
    <article>
      <p className="eyebrow">
        <Link href={`/episodes/${slug}`}>{episode.title}</Link>
      </p>
      <h1>Edit history</h1>
      <form method="get" className={styles.filters} aria-label="Filter the history">
        <label>
          Kind
          <select name="kind" defaultValue={filter.kind ?? ''}>
            <option value="">Any kind</option>
            {CHANGE_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {KIND_LABEL[kind]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Author
          <select name="author" defaultValue={filter.authorId ?? ''}>
            <option value="">Anyone</option>
            {authors.map((author) => (
              <option key={author.id} value={author.id}>
                {author.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Sentence id
          <input
            name="sentence"
            inputMode="numeric"
            pattern="[0-9]*"
            defaultValue={filter.sentenceId ?? ''}
          />
        </label>
        <button type="submit">Filter</button>
        {filtered ? <Link href={`/episodes/${slug}/history`}>Show every change</Link> : null}
      </form>
      {refusedFilter ? (
        <p role="alert" className={styles.refused}>
          {refusedFilter} Showing every change instead.
        </p>
      ) : null}
      {changes.length === 0 ? (
        <p className="muted">
          {filtered ? 'No change matches these filters.' : 'Nobody has corrected this transcript yet.'}
        </p>
      ) : null}
      <ol className={styles.changes}>
        {changes.map((change) => (
          <ChangeItem key={change.id} change={change} slug={slug} canRevert={canRevert} />
        ))}
      </ol>
      {oldest && changes.length === CHANGES_PAGE_SIZE ? (
        <p className={styles.pager}>
          <Link href={olderHref(slug, query, oldest.id)}>Older changes</Link>
        </p>
      ) : null}
    </article>
  )
}

function olderHref(slug: string, query: Record<string, string>, before: number): string {
  const params = new URLSearchParams({ ...query, before: String(before) })
  return `/episodes/${slug}/history?${params}`
}

function ChangeItem({ change, slug, canRevert }: { change: ChangeDto; slug: string; canRevert: boolean }) {
  const count = change.revisions.length
  const sentences = new Set(change.revisions.map((revision) => revision.sentenceId ?? `gone-${revision.id}`))
    .size
  return (
    <li className={styles.change} id={`change-${change.id}`}>
      <h2>
        {KIND_LABEL[change.kind]} by {change.author.name}
      </h2>
      <p className={styles.meta}>
        Change {change.id} · {sentences} sentence{sentences === 1 ? '' : 's'}
        {count !== sentences ? ` (${count} revisions)` : ''} ·{' '}
        <time dateTime={change.createdAt}>{change.createdAt.slice(0, 16).replace('T', ' ')} UTC</time>
        {change.reason ? ` — ${change.reason}` : ''}
        {change.revertOfId ? (
          <>
            {' '}
            · undoes <a href={`#change-${change.revertOfId}`}>change {change.revertOfId}</a>
          </>
        ) : null}
        {change.revertedByIds.length > 0 ? (
          <>
            {' '}
            · reverted by{' '}
            {change.revertedByIds.map((id, index) => (
              <span key={id}>
                {index > 0 ? ', ' : ''}
                <a href={`#change-${id}`}>change {id}</a>
              </span>
            ))}
          </>
        ) : null}
      </p>
      <ul className={styles.revisions}>
        {change.revisions.map((revision) => (
          <RevisionLine key={revision.id} revision={revision} slug={slug} />
        ))}
      </ul>
      {canRevert && count > 0 ? (
        <RevertChangeButton slug={slug} changeId={change.id} label={`Revert change ${change.id}`} />
      ) : null}
    </li>
  )
}

function RevisionLine({ revision, slug }: { revision: RevisionDto; slug: string }) {
  const { before, after } = revision
  return (
    <li>
      {revision.sentenceId ? (
        <Link href={`/episodes/${slug}#s-${revision.sentenceId}`}>Sentence {revision.sentenceId}</Link>
      ) : (
        <span className="muted">{after.text ? 'A sentence since removed' : 'Removed sentence'}</span>
      )}
      {revision.creditedTo ? <span className="muted"> (suggested by {revision.creditedTo.name})</span> : null}
      :{' '}
      {before.text !== after.text ? (
        <WordDiff before={before.text} after={after.text} />
      ) : (
        <span>{after.text}</span>
      )}
      {before.speaker !== after.speaker && before.text && after.text ? (
        <span className="muted">
          {' '}
          — speaker {before.speaker ?? 'none'} → {after.speaker ?? 'none'}
        </span>
      ) : null}
      {before.startMs !== after.startMs && before.text && after.text ? (
        <span className="muted">
          {' '}
          — start {formatTimestamp(before.startMs)} → {formatTimestamp(after.startMs)}
        </span>
      ) : null}
    </li>
  )
}
