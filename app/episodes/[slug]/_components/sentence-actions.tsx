'use client'
// What can be done with one sentence, shown at the top of its thread (a click or Enter on the
// sentence opens it): play from here, and whatever other features add. One small group, so each
// feature adds its control here instead of another per-sentence button in the transcript.
import { ShareMoment } from '@/app/_components/share-moment'
import { useComments } from '@/app/episodes/[slug]/_components/comments-context'
import { usePlayer } from '@/app/episodes/[slug]/_components/player-context'
import { formatTimestamp } from '@/lib/format'

export interface SentenceActionsProps {
  sentence: { id: number; startMs: number; text: string; speaker: string | null; version?: number }
}

export function SentenceActions({ sentence }: SentenceActionsProps) {
  const player = usePlayer()
  const { slug } = useComments()
  const actions: React.ReactNode[] = []
  if (player)
    actions.push(
      <button key="play" type="button" onClick={() => player.playFrom(sentence.startMs)}>
        <span aria-hidden="true">▶ </span>Play from here ({formatTimestamp(sentence.startMs)})
      </button>,
    )
  actions.push(
    <ShareMoment
      key="share"
      slug={slug}
      sentenceId={sentence.id}
      startMs={sentence.startMs}
      text={sentence.text}
      version={sentence.version}
    />,
  )
  // Other sentence actions are pushed here.
  if (actions.length === 0) return null
  return (
    <div className="sentence-actions" role="group" aria-label="This sentence">
      {actions}
    </div>
  )
}
