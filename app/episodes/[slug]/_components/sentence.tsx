'use client'
// One transcript sentence: its #s-<id> anchor (search hits and :target highlighting), and a
// button that opens its comment thread, by click or by Enter/Space. Shows the comment count.
// P plays the episode from it (the thread's actions offer the same, for pointer and touch); the
// player marks the sentence being spoken with aria-current (player-controller.ts).
import { useComments } from '@/app/episodes/[slug]/_components/comments-context'
import { usePlayer } from '@/app/episodes/[slug]/_components/player-context'
import { formatTimestamp } from '@/lib/format'

export function Sentence(props: { id: number; startMs: number; text: string; speaker?: string | null }) {
  const { id, startMs, text, speaker } = props
  const { counts, openSentenceId, toggle } = useComments()
  const player = usePlayer()
  const count = counts.get(id) ?? 0
  const open = openSentenceId === id
  return (
    <>
      {speaker ? <span className="sentence-speaker">{speaker}: </span> : null}
      <span
        id={`s-${id}`}
        className={open ? 'sentence is-open' : 'sentence'}
        data-start-ms={startMs}
        title={formatTimestamp(startMs)}
        role="button"
        tabIndex={0}
        aria-expanded={open}
        aria-controls={open ? `thread-${id}` : undefined}
        aria-describedby={count > 0 ? `count-${id}` : undefined}
        onClick={() => toggle(id)}
        onKeyDown={(event) => {
          if (
            player &&
            (event.key === 'p' || event.key === 'P') &&
            !event.ctrlKey &&
            !event.metaKey &&
            !event.altKey
          ) {
            event.preventDefault()
            player.playFrom(startMs)
            return
          }
          if (event.key !== 'Enter' && event.key !== ' ') return
          event.preventDefault()
          toggle(id)
        }}
      >
        {text}{' '}
      </span>
      {/* Outside the sentence so its text (and accessible name) stays the transcript's words. */}
      {count > 0 ? (
        <span id={`count-${id}`} className="comment-count" onClick={() => toggle(id)}>
          {count}
          <span className="visually-hidden"> comment{count === 1 ? '' : 's'}</span>
        </span>
      ) : null}
    </>
  )
}
