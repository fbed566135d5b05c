// The transcript as segments (speaker turns or source paragraphs). Every sentence is its own
// element with a stable anchor, #s-<sentenceId>; CSS :target highlights the linked one.
// Sentences open their comment thread (client leaves), shown under their segment.
import { SegmentThread } from '@/app/episodes/[slug]/_components/segment-thread'
import { Sentence } from '@/app/episodes/[slug]/_components/sentence'
import { formatTimestamp } from '@/lib/format'
import type { EpisodeTranscript } from '@/lib/episodes'

export function Transcript({ segments }: { segments: EpisodeTranscript['segments'] }) {
  if (segments.length === 0) return <p className="muted">This episode has no transcript yet.</p>
  return (
    <div className="transcript">
      {segments.map((segment) => {
        const first = segment.sentences[0]
        return (
          <section key={segment.id} className="segment" aria-label={segmentLabel(segment)}>
            <header className="segment-meta">
              <a className="timestamp" href={first ? `#s-${first.id}` : undefined}>
                <time dateTime={`PT${Math.floor(segment.startMs / 1000)}S`}>
                  {formatTimestamp(segment.startMs)}
                </time>
              </a>
              {segment.speaker ? <span className="speaker">{segment.speaker}</span> : null}
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
        )
      })}
    </div>
  )
}

function segmentLabel(segment: EpisodeTranscript['segments'][number]): string {
  const time = formatTimestamp(segment.startMs)
  return segment.speaker ? `${segment.speaker} at ${time}` : `At ${time}`
}
