'use client'
// The open sentence's thread, at the end of its segment so it sits next to the sentence it
// belongs to: the sentence's actions (play from here, share, …), hosts' editor and the history
// first, then the comments (comment-panel.tsx).
import { CommentPanel } from '@/app/episodes/[slug]/_components/comment-panel'
import { CorrectionPanel } from '@/app/episodes/[slug]/_components/correction-panel'
import { SentenceActions } from '@/app/episodes/[slug]/_components/sentence-actions'
import type { TranscriptSentence } from '@/lib/episodes/transcript-encoding'
import type { SentenceDto } from '@/lib/corrections/types'

export function SegmentThread({ sentence }: { sentence: TranscriptSentence }) {
  const { id, text, speaker, startMs, version } = sentence
  const dto: SentenceDto = { id, text, speaker, startMs, version }
  return (
    <CommentPanel key={id} sentenceId={id} sentenceText={text}>
      <SentenceActions sentence={dto} />
      <CorrectionPanel sentence={dto} />
    </CommentPanel>
  )
}
