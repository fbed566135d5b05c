'use client'
// A segment's ▶: plays the episode from where the segment starts, for pointer and touch. Out of
// the tab order (the transcript is one tab stop, transcript-text.tsx): keyboard users play a
// sentence with P while it has focus, or from its actions (sentence-actions.tsx). Nothing when
// the episode has no audio.
import { usePlayer } from '@/app/episodes/[slug]/_components/player-context'
import { formatTimestamp } from '@/lib/format'

export function PlayFromButton({ startMs, speaker }: { startMs: number; speaker: string | null }) {
  const player = usePlayer()
  if (!player) return null
  const at = formatTimestamp(startMs)
  return (
    <button
      type="button"
      className="play-from"
      aria-label={speaker ? `Play from ${at}, ${speaker}` : `Play from ${at}`}
      title={`Play from ${at}`}
      tabIndex={-1}
      onClick={() => player.playFrom(startMs)}
    >
      <span aria-hidden="true">▶</span>
    </button>
  )
}
