import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { EpisodeComments } from '@/app/episodes/[slug]/_components/episode-comments'
import { EpisodeTools } from '@/app/episodes/[slug]/_components/episode-tools'
import { FindInEpisode } from '@/app/episodes/[slug]/_components/find-in-episode'
import { PlayerProvider } from '@/app/episodes/[slug]/_components/player-context'
import type { PlayerAudio } from '@/app/episodes/[slug]/_components/player-controller'
import { SuggestedQuotes } from '@/app/episodes/[slug]/_components/suggested-quotes'
import { Transcript } from '@/app/episodes/[slug]/_components/transcript'
import { TranscriptLinks } from '@/app/episodes/[slug]/_components/transcript-links'
import { roleAllows } from '@/lib/auth/policy'
import { getCurrentCallerOnShow } from '@/lib/auth/session'
import { getEpisodeTranscript } from '@/lib/episodes/reads'
import { transcriptPayload } from '@/lib/episodes/transcript-payload'
import { formatDate, formatDuration } from '@/lib/format'
import { episodeAudioSource } from '@/lib/media/audio-source'
import { parseStartTime } from '@/lib/media/playback-time'

export const dynamic = 'force-dynamic'

type Props = {
  params: Promise<{ slug: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const episode = await getEpisodeTranscript((await params).slug)
  return { title: episode?.title ?? 'Episode not found' }
}

export default async function EpisodePage({ params, searchParams }: Props) {
  const episode = await getEpisodeTranscript((await params).slug)
  if (!episode) notFound()
  // A ?t= moment link: the server renders the transcript through that moment (transcript.tsx).
  const t = (await searchParams).t
  const atSeconds = parseStartTime(typeof t === 'string' ? t : null)
  // As the caller acts on this show: a host of other shows gets no host tools here.
  const caller = await getCurrentCallerOnShow(episode.showId)
  const facts = [formatDate(episode.publishedAt), formatDuration(episode.durationMs)].filter(Boolean)
  return (
    <article className="episode">
      <header className="episode-header">
        <p className="eyebrow">
          <Link href={`/shows/${episode.show.slug}`}>{episode.show.title}</Link>
        </p>
        <h1>{episode.title}</h1>
        {facts.length > 0 ? <p className="muted">{facts.join(' · ')}</p> : null}
        {episode.description ? <p>{episode.description}</p> : null}
        <TranscriptLinks slug={episode.slug} />
        <FindInEpisode slug={episode.slug} />
        <SuggestedQuotes soundbites={episode.soundbites} segments={episode.segments} />
        {caller && !caller.bannedAt && roleAllows(caller.role, 'edit-transcripts') ? (
          <EpisodeTools slug={episode.slug} speakers={speakersOf(episode)} />
        ) : null}
      </header>
      <PlayerProvider audio={playerAudio(episode)}>
        <EpisodeComments episode={episode}>
          <Transcript
            slug={episode.slug}
            transcript={transcriptPayload(episode)}
            atMs={atSeconds !== null ? atSeconds * 1000 : null}
          />
        </EpisodeComments>
      </PlayerProvider>
    </article>
  )
}

/** What the player plays: the stored file, else the feed's audio URL; null without audio. */
function playerAudio(episode: Episode): PlayerAudio | null {
  const source = episodeAudioSource(episode)
  if (!source) return null
  return {
    src: source.src,
    type: source.type,
    slug: episode.slug,
    title: episode.title,
    show: episode.show.title,
    artwork: episode.artworkUrl ?? episode.show.artworkUrl,
    durationMs: episode.durationMs,
  }
}

type Episode = NonNullable<Awaited<ReturnType<typeof getEpisodeTranscript>>>

function speakersOf(episode: Episode): string[] {
  const names = episode.segments.flatMap((segment) => segment.sentences.map((sentence) => sentence.speaker))
  return [...new Set(names.filter((name): name is string => name !== null))]
}
