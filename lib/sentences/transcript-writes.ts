// Writing a whole transcript: a first import inserts it; a re-import (import --replace) of a
// transcript people already use aligns the old sentences with the new ones (align.ts) instead
// of deleting and re-inserting, which would cut comments loose (Comment.sentenceId → NULL).
// Matched sentences are rewritten in place and keep their ids (and with them comments,
// permalinks and history; the version rule of updateSentenceRow applies); new ones are
// inserted; comments and suggestions of removed sentences move by the one re-anchoring rule
// (re-anchor.ts), a tie going to the new sentence nearest the removed one's place. Runs inside
// the import's write transaction (lib/import/import-transcript.ts).
import 'server-only'
import type { SqliteDatabase } from '@/lib/db/sqlite'
import type { NormalizedTranscript } from '@/lib/transcripts/types'
import { alignSentences } from '@/lib/sentences/align'
import { bestAnchorAmongWords, wordsOf } from '@/lib/sentences/re-anchor'
import {
  commentsOn,
  deleteSegmentIfEmpty,
  deleteSentenceRow,
  deleteTranscriptRows,
  episodeSegmentIds,
  episodeSentences,
  insertSegmentRow,
  insertSentenceRow,
  moveComment,
  moveSuggestions,
  updateSentenceRow,
  type SentenceFields,
} from '@/lib/sentences/sentence-sql'
import { cleanSentenceText } from '@/lib/sentences/sentence-text'

/** Removes an episode's sentences and segments (an episode row left without a transcript). */
export function clearTranscript(db: SqliteDatabase, episodeId: number): void {
  deleteTranscriptRows(db, episodeId)
}

/** Inserts the transcript's segments and their sentences, numbered in order. */
export function insertTranscript(
  db: SqliteDatabase,
  episodeId: number,
  transcript: NormalizedTranscript,
  now: string,
): void {
  for (const fields of insertSegments(db, episodeId, transcript, now)) insertSentenceRow(db, fields)
}

/** Rewrites an episode's transcript in place, keeping the ids of sentences that continue. */
export function realignTranscript(
  db: SqliteDatabase,
  episodeId: number,
  transcript: NormalizedTranscript,
  now: string,
): void {
  const stored = episodeSentences(db, episodeId)
  const oldSegments = episodeSegmentIds(db, episodeId)
  const incoming = insertSegments(db, episodeId, transcript, now)
  const matches = alignSentences(
    stored.map((row) => row.text),
    incoming.map((row) => row.text),
  )
  const newIds = incoming.map((fields, position) => {
    const match = matches[position]
    if (match == null) return insertSentenceRow(db, fields)
    updateSentenceRow(db, stored[match]!.id, fields)
    return stored[match]!.id
  })

  const kept = new Set(matches.filter((match): match is number => match != null))
  // Tokenized once: every removed sentence's comments are scored against every new sentence.
  const incomingWords = incoming.map((row) => wordsOf(row.text))
  stored.forEach((sentence, oldIndex) => {
    if (kept.has(oldIndex)) return
    // Where the removed sentence would sit in the new transcript, to break ties by nearness.
    const near = Math.round((oldIndex / Math.max(1, stored.length)) * incoming.length)
    const heir = (quote: string) => newIds[bestAnchorAmongWords(wordsOf(quote), incomingWords, near)]
    for (const comment of commentsOn(db, sentence.id)) {
      const destination = heir(comment.quote)
      if (destination !== undefined) moveComment(db, comment.id, destination)
    }
    const to = heir(sentence.text)
    if (to !== undefined) moveSuggestions(db, sentence.id, to)
    deleteSentenceRow(db, sentence.id)
  })
  for (const segmentId of oldSegments) deleteSegmentIfEmpty(db, segmentId)
}

/** Inserts the segments; returns every sentence's row fields, positions numbered 0…n-1. */
function insertSegments(
  db: SqliteDatabase,
  episodeId: number,
  transcript: NormalizedTranscript,
  now: string,
): SentenceFields[] {
  let position = 0
  return transcript.segments.flatMap((segment, segmentPosition) => {
    const segmentId = insertSegmentRow(db, {
      episodeId,
      position: segmentPosition,
      startMs: segment.startMs,
      speaker: segment.speaker,
    })
    return segment.sentences.map((sentence) => ({
      episodeId,
      segmentId,
      position: position++,
      startMs: sentence.startMs,
      endMs: sentence.endMs,
      speaker: sentence.speaker,
      text: cleanSentenceText(sentence.text),
      updatedAt: now,
    }))
  })
}
