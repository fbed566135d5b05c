// Every revision of an episode's transcript, newest first, with a word diff, who and why;
// each links to its sentence. Reverting happens from the sentence's own history panel.
import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { WordDiff } from '@/app/_components/word-diff'
import { episodeHistory } from '@/lib/corrections/operations'
import { currentContext } from '@/lib/operations/server-context'

export const dynamic = 'force-dynamic'

type Props = { params: Promise<{ slug: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Edit history of ${(await params).slug}` }
}

export default async function EpisodeHistoryPage({ params }: Props) {
  const { slug } = await params
  const history = await episodeHistory(await currentContext(), { slug })
  if (!history.ok) notFound()
  const { episode, revisions } = history.value
  return (
    <article>
      <p className="eyebrow">
        <Link href={`/episodes/${slug}`}>{episode.title}</Link>
      </p>
      <h1>Edit history</h1>
      {revisions.length === 0 ? <p className="muted">Nobody has corrected this transcript yet.</p> : null}
      <ol className="revision-list">
        {revisions.map((revision) => (
          <li key={revision.id} className="revision">
            <p className="muted">
              {revision.kind} by {revision.author.name}
              {revision.creditedTo ? ` (suggested by ${revision.creditedTo.name})` : ''},{' '}
              <time dateTime={revision.createdAt}>
                {revision.createdAt.slice(0, 16).replace('T', ' ')} UTC
              </time>
              {revision.reason ? ` — ${revision.reason}` : ''}
              {revision.sentenceId ? (
                <>
                  {' '}
                  · <Link href={`/episodes/${slug}#s-${revision.sentenceId}`}>sentence</Link>
                </>
              ) : null}
            </p>
            <p>
              <WordDiff before={revision.before.text} after={revision.after.text} />
            </p>
          </li>
        ))}
      </ol>
    </article>
  )
}
