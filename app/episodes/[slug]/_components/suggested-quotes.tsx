// The feed's soundbites (<podcast:soundbite>) offered as suggested quotes: each links to the
// sentence spoken at its start, where the listener can play, comment or share it.
import { formatTimestamp } from '@/lib/format'
import type { EpisodeTranscript } from '@/lib/episodes/reads'

type Soundbite = EpisodeTranscript['soundbites'][number]
type Segment = EpisodeTranscript['segments'][number]

export function SuggestedQuotes({ soundbites, segments }: { soundbites: Soundbite[]; segments: Segment[] }) {
  const sentences = segments.flatMap((segment) => segment.sentences)
  const quotes = soundbites.flatMap((soundbite) => {
    const sentence = sentenceAt(sentences, soundbite.startMs)
    return sentence ? [{ soundbite, sentence }] : []
  })
  if (quotes.length === 0) return null
  return (
    <section className="suggested-quotes" aria-labelledby="suggested-quotes-title">
      <h2 id="suggested-quotes-title">Suggested quotes</h2>
      <ul>
        {quotes.map(({ soundbite, sentence }) => (
          <li key={soundbite.id}>
            <a href={`#s-${sentence.id}`}>
              <span className="timestamp">{formatTimestamp(soundbite.startMs)}</span>{' '}
              {soundbite.title ?? sentence.text}
            </a>
          </li>
        ))}
      </ul>
    </section>
  )
}

/** The sentence being spoken at `startMs`: the last one starting at or before it. */
function sentenceAt<T extends { startMs: number }>(sentences: readonly T[], startMs: number): T | null {
  let found: T | null = null
  for (const sentence of sentences) {
    if (sentence.startMs > startMs) break
    found = sentence
  }
  return found ?? sentences[0] ?? null
}
