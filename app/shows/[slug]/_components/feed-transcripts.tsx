// "Transcripts for your feed": per episode, the stable URLs of its corrected transcript (JSON,
// WebVTT with <v> speakers, SRT) as the <podcast:transcript> tags a host pastes into the item,
// each copyable; and the show's own feed with those tags already in. URLs use the configured
// public origin (BETTER_AUTH_URL), never the request's Host header.
import { XMLBuilder } from 'fast-xml-parser'
import { CopyButton } from '@/app/_components/copy-button'
import { prisma } from '@/lib/db/client'
import { env, publicUrl } from '@/lib/env'
import {
  publishedTranscripts,
  showFeedUrl,
  type PublishedTranscript,
} from '@/lib/publish/published-transcripts'
import { hasTranscript, readShowPublication } from '@/lib/publish/show-publication'
import styles from './feed-transcripts.module.css'

const tagBuilder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  suppressEmptyNode: true,
})

/** The tags as a host pastes them, one per line, built (and escaped) by the XML builder. */
function transcriptTags(transcripts: PublishedTranscript[], language: string | null): string {
  return transcripts
    .map((transcript) =>
      tagBuilder.build({
        'podcast:transcript': {
          '@_url': transcript.url,
          '@_type': transcript.type,
          ...(language ? { '@_language': language } : {}),
        },
      }),
    )
    .join('\n')
}

export async function FeedTranscripts({ slug }: { slug: string }) {
  const show = await readShowPublication(prisma(), slug)
  if (!show.ok) return null
  const episodes = show.value.episodes.filter(hasTranscript)
  if (episodes.length === 0) return null
  const origin = new URL(publicUrl(env)).origin
  const feedUrl = showFeedUrl(origin, slug)
  return (
    <section className={styles.section} aria-labelledby="feed-transcripts">
      <h2 id="feed-transcripts">Transcripts for your feed</h2>
      <p className="muted">
        These URLs always serve the transcript with every correction made here. Paste an episode&apos;s tags
        into its <code>&lt;item&gt;</code> in your RSS feed, or use this show&apos;s feed, which has them:{' '}
        <a href={feedUrl}>{feedUrl}</a>{' '}
        <CopyButton text={feedUrl} label="Copy feed URL" className={styles.copy} />
      </p>
      <details>
        <summary>
          Tags for {episodes.length} episode{episodes.length === 1 ? '' : 's'}
        </summary>
        {episodes.map((episode) => {
          const transcripts = publishedTranscripts(origin, episode.slug)
          const tags = transcriptTags(transcripts, show.value.language)
          return (
            <div key={episode.slug} className={styles.episode}>
              <h3>{episode.title}</h3>
              <code className={styles.tags} aria-label={`Transcript tags for ${episode.title}`}>
                {tags}
              </code>
              <ul className={styles.links}>
                <li>
                  <CopyButton text={tags} label="Copy tags" className={styles.copy} />
                </li>
                {transcripts.map((transcript) => (
                  <li key={transcript.format}>
                    <a href={transcript.url} type={transcript.type}>
                      {transcript.label}
                    </a>{' '}
                    <CopyButton
                      text={transcript.url}
                      label={`Copy ${transcript.format.toUpperCase()} URL`}
                      className={styles.copy}
                    />
                  </li>
                ))}
              </ul>
            </div>
          )
        })}
      </details>
    </section>
  )
}
