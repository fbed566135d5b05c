'use client'
// The transcript in the browser. Every sentence is one element with its #s-<id> anchor (search
// hits, moments and :target highlighting) and data-start-ms (the player follows along from the
// DOM, player-controller.ts); nothing else is per sentence: one set of event handlers on the
// transcript serves them all.
//
// Keyboard (WAI-ARIA APG roving tabindex): the transcript is one tab stop, the sentence last
// focused (the first at the start); arrows move between sentences, Home/End to the first and
// last, Enter or Space opens the sentence's thread under its segment, P plays from it. Closing
// the thread (Escape, Close) hands focus back to the sentence (comment-panel.tsx).
//
// The server renders the first segments as HTML (firstSegments, transcript.tsx); a long
// transcript's whole value is fetched right after (wholeUrl: segments.json), and the rest is
// added in slices, so neither a long page nor one long task stands between a listener and the
// first screen.
import { Fragment, memo, startTransition, useEffect, useMemo, useState, useSyncExternalStore } from 'react'
import { useComments } from '@/app/episodes/[slug]/_components/comments-context'
import { PlayFromButton } from '@/app/episodes/[slug]/_components/play-from-button'
import { usePlayer } from '@/app/episodes/[slug]/_components/player-context'
import { SegmentThread } from '@/app/episodes/[slug]/_components/segment-thread'
import {
  decodeTranscript,
  type EncodedSegment,
  type TranscriptSegment,
} from '@/lib/episodes/transcript-encoding'
import { formatTimestamp } from '@/lib/format'
import styles from './transcript.module.css'

/** Sentences added per slice after hydration: a slice stays a short task even on a slow phone. */
const SENTENCES_PER_SLICE = 800
const SENTENCE_SELECTOR = '.segment-text > .sentence'

export function TranscriptText(props: {
  /** JSON of the first EncodedSegment[] (lib/episodes/transcript-encoding.ts), rendered on the server. */
  firstSegments: string
  /** How many segments the whole transcript has. */
  segmentCount: number
  /** Where the whole transcript's value is, when the page carries only its first screens. */
  wholeUrl: string | null
}) {
  const first = useMemo(
    () => decodeTranscript(JSON.parse(props.firstSegments) as EncodedSegment[]),
    [props.firstSegments],
  )
  const whole = useWholeTranscript(props.wholeUrl)
  const segments = whole.segments ?? first
  const initialSegments = first.length
  const { slug, counts, openSentenceId, toggle } = useComments()
  const player = usePlayer()
  const [shown, setShown] = useState(initialSegments)
  const [focused, setFocused] = useState<number | null>(null)
  const visible = Math.min(shown, segments.length)

  /** Which segment holds each sentence, by its id. */
  const segmentOf = useMemo(() => {
    const index = new Map<number, number>()
    segments.forEach((segment, n) => segment.sentences.forEach((sentence) => index.set(sentence.id, n)))
    return index
  }, [segments])

  // The rest of the transcript, a slice at a time, each as a transition so input comes first.
  useEffect(() => {
    if (shown >= segments.length) return
    const timer = setTimeout(() => {
      let next = shown
      let added = 0
      while (next < segments.length && added < SENTENCES_PER_SLICE)
        added += segments[next++]!.sentences.length
      startTransition(() => setShown(next))
    }, 0)
    return () => clearTimeout(timer)
  }, [shown, segments])

  // The sentence a #s-<id> link points to (the hash at arrival, then hash changes).
  const hash = useSyncExternalStore(subscribeToHash, currentHash, () => '')
  const linkedId = Number(/^#s-(\d+)$/.exec(hash)?.[1] ?? Number.NaN)

  // A permalink to a sentence the server did not render: once it is here, go to it as the
  // browser would have (scroll, :target highlight) and cue the player there.
  const complete = (props.wholeUrl === null || whole.segments !== null) && visible >= segments.length
  useEffect(() => {
    if (!complete || initialSegments >= segments.length) return
    const index = segmentOf.get(linkedId)
    if (index === undefined || index < initialSegments) return
    // Replacing the location with itself is a fragment navigation: it scrolls and sets :target.
    window.location.replace(window.location.hash)
    const start = document.getElementById(`s-${linkedId}`)?.dataset.startMs
    if (player && start !== undefined && !new URLSearchParams(window.location.search).has('t'))
      player.cue(Number(start) / 1000)
    // Once per page: when the transcript first becomes complete.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [complete])

  // The roving tab stop: the sentence last focused, else a linked one, else the first.
  const firstId = segments[0]?.sentences[0]?.id ?? null
  const candidate = focused ?? (segmentOf.has(linkedId) ? linkedId : null)
  const candidateIndex = candidate !== null ? segmentOf.get(candidate) : undefined
  const tabStop = candidateIndex !== undefined && candidateIndex < visible ? candidate : firstId

  const openIndex = openSentenceId !== null ? segmentOf.get(openSentenceId) : undefined

  function sentenceOf(target: EventTarget): HTMLElement | null {
    if (!(target instanceof HTMLElement)) return null
    // Events from inside a thread bubble here too (it is rendered in the transcript): not ours.
    if (target.closest('.comment-panel')) return null
    return target.closest<HTMLElement>(SENTENCE_SELECTOR)
  }

  function onClick(event: React.MouseEvent<HTMLDivElement>) {
    const target = event.target
    if (!(target instanceof HTMLElement) || target.closest('.comment-panel')) return
    const badge = target.closest<HTMLElement>('.comment-count')
    if (badge?.dataset.sentence) return toggle(Number(badge.dataset.sentence))
    const sentence = sentenceOf(target)
    if (sentence) toggle(Number(sentence.id.slice(2)))
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLDivElement>) {
    const sentence = event.target === event.currentTarget ? null : sentenceOf(event.target)
    if (!sentence || sentence !== event.target || event.ctrlKey || event.metaKey || event.altKey) return
    const key = event.key
    if (key === 'Enter' || key === ' ') {
      event.preventDefault()
      toggle(Number(sentence.id.slice(2)))
      return
    }
    if ((key === 'p' || key === 'P') && player) {
      event.preventDefault()
      player.playFrom(Number(sentence.dataset.startMs))
      return
    }
    const move = MOVES[key]
    if (!move) return
    event.preventDefault()
    const all = event.currentTarget.querySelectorAll<HTMLElement>(SENTENCE_SELECTOR)
    const at = Array.prototype.indexOf.call(all, sentence)
    const next = all[Math.max(0, Math.min(all.length - 1, move(at, all.length)))]
    next?.focus()
  }

  function onFocus(event: React.FocusEvent<HTMLDivElement>) {
    const sentence = sentenceOf(event.target)
    if (sentence === event.target) setFocused(Number(sentence.id.slice(2)))
  }

  return (
    <div className="transcript" onClick={onClick} onKeyDown={onKeyDown} onFocus={onFocus}>
      {segments.slice(0, visible).map((segment, n) => (
        <Segment
          key={segment.id}
          segment={segment}
          counts={counts}
          openId={openIndex === n ? openSentenceId : null}
          tabStop={tabStop !== null && segmentOf.get(tabStop) === n ? tabStop : null}
        />
      ))}
      {visible < props.segmentCount ? (
        // Without scripts the rest never arrives: the whole text is a file away.
        <noscript>
          <p className="muted">
            The rest of this transcript needs JavaScript.{' '}
            <a href={`/episodes/${slug}/transcript.txt`}>Read the whole transcript as text</a>.
          </p>
        </noscript>
      ) : null}
      {whole.failed ? (
        <p className="muted" role="status">
          The rest of this transcript did not load. Reload the page, or{' '}
          <a href={`/episodes/${slug}/transcript.txt`}>read the whole transcript as text</a>.
        </p>
      ) : null}
    </div>
  )
}

/** Fetch attempts for the whole transcript before the page says it did not load. */
const WHOLE_TRANSCRIPT_ATTEMPTS = 3

/**
 * The whole transcript from `url` (segments.json), fetched once per url. While a new url loads
 * (a refresh after an edit), the last one loaded stays: the transcript never shrinks back to
 * its first screens under the reader.
 */
function useWholeTranscript(url: string | null): { segments: TranscriptSegment[] | null; failed: boolean } {
  const [loaded, setLoaded] = useState<{ url: string; segments: TranscriptSegment[] } | null>(null)
  const [failedUrl, setFailedUrl] = useState<string | null>(null)
  useEffect(() => {
    if (url === null) return
    const controller = new AbortController()
    let timer: ReturnType<typeof setTimeout> | undefined
    const load = (attempt: number) => {
      fetch(url, { signal: controller.signal })
        .then((response) => {
          if (!response.ok) throw new Error(`${url} answered ${response.status}`)
          return response.json() as Promise<EncodedSegment[]>
        })
        .then((encoded) => {
          const segments = decodeTranscript(encoded)
          startTransition(() => setLoaded({ url, segments }))
        })
        .catch(() => {
          if (controller.signal.aborted) return
          if (attempt < WHOLE_TRANSCRIPT_ATTEMPTS)
            timer = setTimeout(() => load(attempt + 1), 1_000 * attempt)
          else setFailedUrl(url)
        })
    }
    load(1)
    return () => {
      controller.abort()
      clearTimeout(timer)
    }
  }, [url])
  if (url === null) return { segments: null, failed: false }
  return { segments: loaded?.segments ?? null, failed: failedUrl === url }
}

function subscribeToHash(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange)
  return () => window.removeEventListener('hashchange', onChange)
}

function currentHash(): string {
  return window.location.hash
}

const MOVES: Record<string, (at: number, count: number) => number> = {
  ArrowDown: (at) => at + 1,
  ArrowRight: (at) => at + 1,
  ArrowUp: (at) => at - 1,
  ArrowLeft: (at) => at - 1,
  Home: () => 0,
  End: (_at, count) => count - 1,
}

/**
 * One segment: its chapter headings, when and who, the sentences, and the open thread when it is
 * one of them. Memoized: opening a thread or moving focus re-renders only the segments concerned.
 */
const Segment = memo(function SegmentView(props: {
  segment: TranscriptSegment
  counts: ReadonlyMap<number, number>
  openId: number | null
  tabStop: number | null
}) {
  const { segment, counts, openId, tabStop } = props
  const first = segment.sentences[0]
  const open = openId !== null ? segment.sentences.find((sentence) => sentence.id === openId) : undefined
  return (
    <>
      {segment.chapters.map((chapter) => (
        <h2 key={chapter.id} className="chapter-heading" id={`chapter-${chapter.id}`}>
          <span className="timestamp">{formatTimestamp(chapter.startMs)}</span> {chapter.title}
        </h2>
      ))}
      <div className={`segment ${styles.segment}`}>
        <div className="segment-meta">
          <PlayFromButton startMs={segment.startMs} speaker={segment.speaker} />
          {/* Out of the tab order: the transcript is one tab stop; keyboard users move by sentence. */}
          <a className="timestamp" href={first ? `#s-${first.id}` : undefined} tabIndex={-1}>
            <time dateTime={`PT${Math.floor(segment.startMs / 1000)}S`}>
              {formatTimestamp(segment.startMs)}
            </time>
          </a>
          {segment.image ? (
            // Feed artwork from the podcast's own host; decorative beside the name.
            <img className="speaker-image" src={segment.image} alt="" width={32} height={32} loading="lazy" />
          ) : null}
          {segment.speaker ? (
            <span className="speaker" title={segment.role ?? undefined}>
              {segment.speaker}
            </span>
          ) : null}
        </div>
        <p className="segment-text">
          {segment.sentences.map((sentence) => {
            const count = counts.get(sentence.id) ?? 0
            const isOpen = sentence.id === openId
            return (
              <Fragment key={sentence.id}>
                {/* A speaker edited on one sentence differs from its segment's; say so there. */}
                {sentence.ownSpeaker && sentence.speaker ? (
                  <span className="sentence-speaker">{sentence.speaker}: </span>
                ) : null}
                <span
                  id={`s-${sentence.id}`}
                  className={isOpen ? 'sentence is-open' : 'sentence'}
                  data-start-ms={sentence.startMs}
                  role="button"
                  tabIndex={sentence.id === tabStop ? 0 : -1}
                  aria-expanded={isOpen}
                  aria-controls={isOpen ? `thread-${sentence.id}` : undefined}
                  aria-describedby={count > 0 ? `count-${sentence.id}` : undefined}
                >
                  {`${sentence.text} `}
                </span>
                {/* Outside the sentence so its text (and accessible name) stays the transcript's words. */}
                {count > 0 ? (
                  <span id={`count-${sentence.id}`} className="comment-count" data-sentence={sentence.id}>
                    {count}
                    <span className="visually-hidden"> comment{count === 1 ? '' : 's'}</span>
                  </span>
                ) : null}
              </Fragment>
            )
          })}
        </p>
        {open ? <SegmentThread sentence={open} /> : null}
      </div>
    </>
  )
})
