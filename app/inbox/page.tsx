// The inbox: replies to the user's comments and hosts' decisions on their suggestions, newest
// first, a page at a time. Opening an entry (GET /inbox/<id>) marks it read; "Mark all read"
// marks the rest. Signed out: the sign-in page, back here after.
import type { Metadata } from 'next'
import Link from 'next/link'
import { redirect } from 'next/navigation'
import { markAllReadAction } from '@/app/inbox/actions'
import styles from '@/app/inbox/inbox.module.css'
import { inbox, type InboxEntry } from '@/lib/notifications/operations'
import { currentContext } from '@/lib/operations/server-context'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Inbox' }

type Props = { searchParams: Promise<{ before?: string | string[]; error?: string | string[] }> }

export default async function InboxPage({ searchParams }: Props) {
  const { before, error } = await searchParams
  const page = await inbox(await currentContext(), {
    before: typeof before === 'string' ? before : undefined,
  })
  if (!page.ok) redirect('/sign-in?next=/inbox')
  const { entries, unread, nextBefore } = page.value
  return (
    <article>
      <h1>Inbox</h1>
      {typeof error === 'string' ? (
        <p className="form-error" role="alert">
          {error.slice(0, 300)}
        </p>
      ) : null}
      <p>{unread === 0 ? 'Nothing unread.' : `${unread} unread.`}</p>
      {unread > 0 ? (
        <form action={markAllReadAction}>
          <button type="submit">Mark all read</button>
        </form>
      ) : null}
      {entries.length === 0 ? (
        <p className="muted">
          {before
            ? 'No older entries.'
            : 'When someone replies to your comment or a host reviews your suggestion, it shows here.'}
        </p>
      ) : (
        <ol className={styles.entries} aria-label="Inbox entries, newest first">
          {entries.map((entry) => (
            <Entry key={entry.id} entry={entry} />
          ))}
        </ol>
      )}
      <nav className={styles.paging} aria-label="Inbox pages">
        {before ? <Link href="/inbox">Newest</Link> : null}
        {nextBefore !== null ? <Link href={`/inbox?before=${nextBefore}`}>Older</Link> : null}
      </nav>
    </article>
  )
}

function Entry(props: { entry: InboxEntry }) {
  const { entry } = props
  const actor = entry.actorName ?? 'Someone'
  const what = {
    reply: `${actor} replied to your comment on ${entry.episodeTitle}`,
    'suggestion-accepted': `${actor} accepted your suggestion on ${entry.episodeTitle}`,
    'suggestion-rejected': `${actor} rejected your suggestion on ${entry.episodeTitle}`,
  }[entry.kind]
  const unread = entry.readAt === null
  const iso = entry.createdAt.toISOString()
  return (
    <li className={`${styles.entry} ${unread ? styles.unread : ''}`}>
      {unread ? <span className={styles.new}>New</span> : null}
      {/* A plain <a>: Next's Link would prefetch it, and opening marks the entry read. */}
      <a href={`/inbox/${entry.id}`}>{what}</a>{' '}
      <time className="muted" dateTime={iso}>
        {`${iso.slice(0, 16).replace('T', ' ')} UTC`}
      </time>
      {entry.kind === 'reply' ? (
        <p className={styles.excerpt}>
          {entry.excerpt ? <q>{entry.excerpt}</q> : <em>The reply was removed.</em>}
        </p>
      ) : (
        <p className={styles.excerpt}>
          <q>{entry.excerpt}</q>
          {entry.note ? ` Reason: ${entry.note}` : ''}
        </p>
      )}
    </li>
  )
}
