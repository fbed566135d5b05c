// One episode in the hosts' area: its details, its audio (an address, or a file stored here) and
// its transcript (upload or replace, with the import's report).
import type { Metadata } from 'next'
import Link from 'next/link'
import { AudioUrlForm, EpisodeDetailsForm } from '@/app/studio/_components/episode-forms'
import { allowedOrInterrupt, dateField } from '@/app/studio/_components/studio-access'
import { AudioUploadForm, TranscriptUploadForm } from '@/app/studio/_components/upload-forms'
import { TRANSCRIPT_UPLOAD_MAX_BYTES } from '@/lib/episodes/transcript-upload'
import { env } from '@/lib/env'
import { formatBytes } from '@/lib/media/episode-audio'
import { currentContext } from '@/lib/operations/server-context'
import { studioEpisode } from '@/lib/studio/reads'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Episode · Studio' }

type Props = { params: Promise<{ slug: string }> }

export default async function StudioEpisodePage({ params }: Props) {
  const { slug } = await params
  const episode = allowedOrInterrupt(
    await studioEpisode(await currentContext(), { slug }),
    `/studio/episodes/${slug}`,
  )
  const sentences = episode._count.sentences
  const conflicts = episode._count.importConflicts
  return (
    <section className="studio">
      <p className="studio-breadcrumbs">
        <Link href="/studio">Studio</Link> ›{' '}
        <Link href={`/studio/shows/${episode.show.slug}`}>{episode.show.title}</Link> › {episode.title}
      </p>
      <h1>{episode.title}</h1>
      <p>
        <Link href={`/episodes/${episode.slug}`}>Open the episode page</Link>
      </p>
      {episode.show.feedUrl && episode.guid ? (
        <p className="muted">
          From the show&apos;s feed: a refresh updates what the feed says (a host&apos;s transcript
          corrections are kept).
        </p>
      ) : null}
      <EpisodeDetailsForm
        episode={{
          slug: episode.slug,
          title: episode.title,
          description: episode.description,
          publishedAt: dateField(episode.publishedAt),
          season: episode.season,
          episodeNumber: episode.episodeNumber,
          artworkUrl: episode.artworkUrl,
        }}
      />
      <section className="studio-form-group" aria-labelledby="audio-heading">
        <h2 id="audio-heading">Audio</h2>
        <p className="muted">
          {episode.audioFile
            ? `A file stored here (${episode.audioType ?? 'audio'}${episode.audioBytes ? `, ${formatBytes(episode.audioBytes)}` : ''}).`
            : episode.audioUrl
              ? 'Played from its address below.'
              : 'No audio yet.'}
        </p>
        <AudioUploadForm slug={episode.slug} maxBytes={env.AUDIO_MAX_BYTES} />
        <AudioUrlForm slug={episode.slug} audioUrl={episode.audioFile ? null : episode.audioUrl} />
      </section>
      <p className="muted">
        {sentences > 0
          ? `Transcript: ${sentences} sentences${episode.sourceName ? `, from ${episode.sourceName}` : ''}${episode.sourceFormat ? ` (${episode.sourceFormat})` : ''}.`
          : 'No transcript yet.'}
      </p>
      <p>
        <Link href={`/studio/episodes/${episode.slug}/conflicts`}>
          Import conflicts{conflicts > 0 ? ` (${conflicts} open)` : ''}
        </Link>
      </p>
      <TranscriptUploadForm
        slug={episode.slug}
        hasTranscript={sentences > 0}
        maxBytes={TRANSCRIPT_UPLOAD_MAX_BYTES}
      />
    </section>
  )
}
