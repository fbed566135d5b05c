// Replacing a transcript that people already use (import --replace): instead of deleting and
// re-inserting sentences, which would cut comments loose (Comment.sentenceId → NULL), align
// the old sentences with the new ones (lib/corrections/align.ts). Matched sentences are
// rewritten in place and keep their ids; new ones are inserted; comments (and suggestions)
// of removed sentences move to the new sentence holding most of their quote, nearest first.
import { alignSentences } from '@/lib/corrections/align'
import { sharedWordCount, wordsOf } from '@/lib/corrections/re-anchor'
import { listSegmentIds, listStoredSentences, realignWriter, transcriptWriter } from '@/lib/sentences/sentence-sql'
import type { SqliteDatabase } from '@/lib/db/sqlite'
import type { NormalizedTranscript } from '@/lib/transcripts/types'

/** Runs inside the import's transaction. */
export function realignTranscript(
  db: SqliteDatabase,
  episodeId: number,
  transcript: NormalizedTranscript,
  now: string,
): void {
  const stored = listStoredSentences(db, episodeId)
  const oldSegments = listSegmentIds(db, episodeId)
  const insert = transcriptWriter(db)
  const writer = realignWriter(db)
  const incoming = transcript.segments.flatMap((segment, segmentPosition) => {
    const segmentId = insert.segment({
      episodeId,
      position: segmentPosition,
      startMs: segment.startMs,
      speaker: segment.speaker,
    })
    return segment.sentences.map((sentence) => ({ ...sentence, segmentId }))
  })
  const matches = alignSentences(
    stored.map((row) => row.text),
    incoming.map((row) => row.text),
  )
  const newIds = incoming.map((sentence, position) => {
    const match = matches[position]
    const fields = { episodeId, position, ...sentence, updatedAt: now }
    if (match == null) return insert.sentence(fields)
    writer.update({ ...fields, id: stored[match]!.id })
    return stored[match]!.id
  })

  const kept = new Set(matches.filter((match): match is number => match != null))
  // Tokenized once: every removed sentence's comments are scored against every new sentence.
  const incomingWords = incoming.map((row) => wordsOf(row.text))
  stored.forEach((sentence, oldIndex) => {
    if (kept.has(oldIndex)) return
    // Where the removed sentence would sit in the new transcript, to break ties by nearness.
    const expected = Math.round((oldIndex / Math.max(1, stored.length)) * incoming.length)
    const target = (quote: string) => newIds[bestIndex(quote, incomingWords, expected)]
    for (const comment of writer.commentsOf(sentence.id)) {
      const destination = target(comment.quote)
      if (destination !== undefined) {
        writer.moveComment(comment.id, destination)
      }
    }
    const to = target(sentence.text)
    if (to !== undefined) writer.moveSuggestions(sentence.id, to)
    writer.deleteSentence(sentence.id)
  })
  for (const segmentId of oldSegments) writer.deleteSegment(segmentId)
}

/** The new sentence holding most of the quote's words (quoteShare), the nearest on a tie. */
function bestIndex(quote: string, incomingWords: readonly string[][], expected: number): number {
  const quoted = wordsOf(quote)
  let best = -1
  let bestScore = -1
  let bestDistance = Infinity
  incomingWords.forEach((words, index) => {
    const score = quoted.length === 0 ? 0 : sharedWordCount(quoted, words) / quoted.length
    const distance = Math.abs(index - expected)
    if (score > bestScore || (score === bestScore && distance < bestDistance)) {
      best = index
      bestScore = score
      bestDistance = distance
    }
  })
  return best
}
