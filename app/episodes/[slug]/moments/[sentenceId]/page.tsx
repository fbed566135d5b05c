// /episodes/:slug/moments/:sentenceId — a sentence's share link. Chat apps read its Open Graph
// and Twitter tags and unfurl the quote card (card.png beside this page); a listener sees the
// quote and goes on into the episode at that moment (?t= plays from there, #s- marks the sentence).
// A page and not a redirect: crawlers need its tags, and `#s-<id>` (a fragment) never reaches
// a server, so the episode URL itself could not carry per-sentence tags.
import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { cache } from 'react'
import { ShareMoment } from '@/app/_components/share-moment'
import { prisma } from '@/lib/db/client'
import { env, publicUrl } from '@/lib/env'
import { formatTimestamp } from '@/lib/format'
import { getMoment } from '@/lib/moments/moment'
import {
  episodeMomentPath,
  momentPath,
  parseSeconds,
  quoteCardPath,
  startSeconds,
} from '@/lib/moments/moment-urls'
import styles from './moment.module.css'

export const dynamic = 'force-dynamic'

type Props = {
  params: Promise<{ slug: string; sentenceId: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}

// cache(): generateMetadata and the page read the same moment in one request.
const momentOf = cache(async (slug: string, sentenceId: string) => {
  const moment = await getMoment({ db: prisma() }, { slug, sentenceId })
  return moment.ok ? moment.value : null
})

/** A quote short enough for a title or a description. */
function excerpt(text: string, max: number): string {
  const chars = [...text]
  return chars.length <= max
    ? text
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, sentenceId } = await params
  const moment = await momentOf(slug, sentenceId)
  if (!moment) return { title: 'Moment not found' }
  const time = formatTimestamp(moment.startMs)
  const title = `“${excerpt(moment.text, 90)}”${moment.speaker ? ` — ${moment.speaker}` : ''}`
  const description = `${moment.episode.title} · ${moment.show.title} · at ${time}`
  const image = {
    url: quoteCardPath(moment.episode.slug, moment.sentenceId, moment.version),
    width: 1200,
    height: 630,
    type: 'image/png',
    alt: `Quote card: “${excerpt(moment.text, 300)}”`,
  }
  const url = momentPath(moment.episode.slug, moment.sentenceId)
  return {
    // Crawlers need absolute URLs; the public origin is configured, never taken from Host.
    metadataBase: new URL(publicUrl(env)),
    title,
    description,
    alternates: { canonical: url },
    openGraph: { type: 'article', siteName: 'Hearsay', url, title, description, images: [image] },
    twitter: { card: 'summary_large_image', title, description, images: [image] },
  }
}

export default async function MomentPage({ params, searchParams }: Props) {
  const { slug, sentenceId } = await params
  const moment = await momentOf(slug, sentenceId)
  if (!moment) notFound()
  // The time the sharer saw (?t=); else the sentence's start.
  const seconds = parseSeconds((await searchParams).t) ?? startSeconds(moment.startMs)
  const episodeHref = episodeMomentPath(moment.episode.slug, moment.sentenceId, seconds)
  return (
    <article>
      <p className="eyebrow">
        <Link href={`/shows/${moment.show.slug}`}>{moment.show.title}</Link>
        {' · '}
        <Link href={`/episodes/${moment.episode.slug}`}>{moment.episode.title}</Link>
      </p>
      <h1>A moment at {formatTimestamp(seconds * 1000)}</h1>
      <figure className={styles.quote}>
        <blockquote>
          <p>“{moment.text}”</p>
        </blockquote>
        <figcaption>
          {moment.speaker ? `${moment.speaker}, ` : ''}
          {moment.episode.title}, at {formatTimestamp(moment.startMs)}
        </figcaption>
      </figure>
      <p className={styles.actions}>
        {/* A plain link: the episode page reads ?t= and #s- on load. */}
        <a className={styles.play} href={episodeHref}>
          ▶ Play from {formatTimestamp(seconds * 1000)}
        </a>
        <a href={`/episodes/${encodeURIComponent(moment.episode.slug)}#s-${moment.sentenceId}`}>
          Read it in the transcript
        </a>
      </p>
      <h2>Share</h2>
      <ShareMoment
        slug={moment.episode.slug}
        sentenceId={moment.sentenceId}
        startMs={moment.startMs}
        text={moment.text}
        version={moment.version}
        inline
      />
    </article>
  )
}
