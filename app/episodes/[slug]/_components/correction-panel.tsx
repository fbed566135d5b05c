'use client'
// What sits above a sentence's comments: for hosts the inline editor and the sentence's
// history (with revert); for signed-in listeners "Suggest a fix" and the history.
import { useComments } from '@/app/episodes/[slug]/_components/comments-context'
import { SentenceEditor } from '@/app/episodes/[slug]/_components/sentence-editor'
import { SentenceHistory } from '@/app/episodes/[slug]/_components/sentence-history'
import { SuggestFix } from '@/app/episodes/[slug]/_components/suggest-fix'
import type { SentenceDto } from '@/lib/corrections/types'
import { roleAllows } from '@/lib/auth/policy'

export function CorrectionPanel({ sentence }: { sentence: SentenceDto }) {
  const { viewer, slug } = useComments()
  const isHost = viewer !== null && !viewer.banned && roleAllows(viewer.role, 'edit-transcripts')
  return (
    <div className="correction-panel">
      {isHost ? (
        // Keyed by version: after a save the editor starts again from the new text.
        <SentenceEditor key={`${sentence.id}-${sentence.version}`} slug={slug} sentence={sentence} />
      ) : viewer && !viewer.banned ? (
        <SuggestFix slug={slug} sentenceId={sentence.id} text={sentence.text} />
      ) : null}
      <SentenceHistory slug={slug} sentenceId={sentence.id} version={sentence.version} canRevert={isHost} />
    </div>
  )
}
