'use client'
// The place under a segment where the open sentence's comment panel appears, so the panel
// sits next to the sentence it belongs to; the sentence's actions (play from here, …), then
// hosts' editor and the history come first.
import { CommentPanel } from '@/app/episodes/[slug]/_components/comment-panel'
import { useComments } from '@/app/episodes/[slug]/_components/comments-context'
import { CorrectionPanel } from '@/app/episodes/[slug]/_components/correction-panel'
import { SentenceActions } from '@/app/episodes/[slug]/_components/sentence-actions'
import type { SentenceDto } from '@/lib/corrections/types'

export function SegmentThread({ sentences }: { sentences: SentenceDto[] }) {
  const { openSentenceId } = useComments()
  const sentence = sentences.find((candidate) => candidate.id === openSentenceId)
  return sentence ? (
    <CommentPanel key={sentence.id} sentenceId={sentence.id} sentenceText={sentence.text}>
      <SentenceActions sentence={sentence} />
      <CorrectionPanel sentence={sentence} />
    </CommentPanel>
  ) : null
}
