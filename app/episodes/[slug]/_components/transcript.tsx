// The transcript as segments (speaker turns or source paragraphs). Every sentence is its own
// element with a stable anchor, #s-<sentenceId>; CSS :target highlights the linked one.
// Sentences open their comment thread (client leaves), shown under their segment. Each segment
// has a ▶ that plays from its start when the episode has audio (PlayFromButton).
import { Fragment } from 'react'
import { PlayFromButton } from '@/app/episodes/[slug]/_components/play-from-button'
import { SegmentThread } from '@/app/episodes/[slug]/_components/segment-thread'
import { Sentence } from '@/app/episodes/[slug]/_components/sentence'
import { personForSpeaker, type SpeakerPerson } from '@/lib/feeds/speaker-persons'
import { formatTimestamp } from '@/lib/format'
import type { EpisodeTranscript } from '@/lib/episodes/reads'

type Segment = EpisodeTranscript['segments'][number]
type Chapter = EpisodeTranscript['chapters'][number]

interface TranscriptProps {
  segments: Segment[]
  /** Chapter titles become headings before the first segment at or after their start. */
  chapters?: Chapter[]
  /** The cast (<podcast:person>): a speaker label that names one gets its picture. */
  persons?: readonly SpeakerPerson[]
}

export function Transcript({ segments, chapters = [], persons = [] }: TranscriptProps) {
  if (segments.length === 0) return <p className="muted">This episode has no transcript yet.</p>
  const headings = chapterHeadings(segments, chapters)
  return (
    <div className="transcript">
      {segments.map((segment) => {
        const first = segment.sentences[0]
        const person = personForSpeaker(segment.speaker, persons)
        return (
          <Fragment key={segment.id}>
            {(headings.get(segment.id) ?? []).map((chapter) => (
              <h2 key={chapter.id} className="chapter-heading" id={`chapter-${chapter.id}`}>
                <span className="timestamp">{formatTimestamp(chapter.startMs)}</span> {chapter.title}
              </h2>
            ))}
            <section className="segment" aria-label={segmentLabel(segment)}>
              <header className="segment-meta">
                <PlayFromButton startMs={segment.startMs} speaker={segment.speaker} />
                <a className="timestamp" href={first ? `#s-${first.id}` : undefined}>
                  <time dateTime={`PT${Math.floor(segment.startMs / 1000)}S`}>
                    {formatTimestamp(segment.startMs)}
                  </time>
                </a>
                {person?.imageUrl ? (
                  // Feed artwork from the podcast's own host; decorative beside the name.
                  <img
                    className="speaker-image"
                    src={person.imageUrl}
                    alt=""
                    width={32}
                    height={32}
                    loading="lazy"
                  />
                ) : null}
                {segment.speaker ? (
                  <span className="speaker" title={person?.role}>
                    {segment.speaker}
                  </span>
                ) : null}
              </header>
              <p className="segment-text">
                {segment.sentences.map((sentence) => (
                  <Sentence
                    key={sentence.id}
                    id={sentence.id}
                    startMs={sentence.startMs}
                    text={sentence.text}
                    // A speaker edited on one sentence differs from its segment's; say so there.
                    speaker={sentence.speaker !== segment.speaker ? sentence.speaker : null}
                  />
                ))}
              </p>
              <SegmentThread
                sentences={segment.sentences.map(({ id, text, speaker, startMs, version }) => ({
                  id,
                  text,
                  speaker,
                  startMs,
                  version,
                }))}
              />
            </section>
          </Fragment>
        )
      })}
    </div>
  )
}

/** Which chapters open before which segment: each at the first segment starting at or after it. */
function chapterHeadings(segments: readonly Segment[], chapters: readonly Chapter[]): Map<number, Chapter[]> {
  const headings = new Map<number, Chapter[]>()
  let next = 0
  for (const chapter of chapters) {
    while (next < segments.length && segments[next]!.startMs < chapter.startMs) next++
    // A chapter after the last segment still gets its heading, before the last one.
    const segment = segments[Math.min(next, segments.length - 1)]!
    headings.set(segment.id, [...(headings.get(segment.id) ?? []), chapter])
  }
  return headings
}

function segmentLabel(segment: EpisodeTranscript['segments'][number]): string {
  const time = formatTimestamp(segment.startMs)
  return segment.speaker ? `${segment.speaker} at ${time}` : `At ${time}`
}
