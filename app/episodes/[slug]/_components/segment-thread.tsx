'use client'
// The place under a segment where the open sentence's comment panel appears, so the panel
// sits next to the sentence it belongs to.
import { CommentPanel } from '@/app/episodes/[slug]/_components/comment-panel'
import { useComments } from '@/app/episodes/[slug]/_components/comments-context'

export function SegmentThread({ sentences }: { sentences: Array<{ id: number; text: string }> }) {
  const { openSentenceId } = useComments()
  const sentence = sentences.find((candidate) => candidate.id === openSentenceId)
  return sentence ? (
    <CommentPanel key={sentence.id} sentenceId={sentence.id} sentenceText={sentence.text} />
  ) : null
}
