// The rules for a sentence's text, applied by every path that writes it: import, re-import,
// edit, revert, accepted suggestion, find/replace, split and merge (lib/sentences/edit.ts and
// lib/sentences/transcript-writes.ts call these; nothing else writes Sentence.text).
import { unprocessable, ok, type Result } from '@/lib/result'

/** The edit limit; lib/corrections/schemas.ts checks typed input against it too. */
export const SENTENCE_MAX_LENGTH = 2000

// Control characters have no place in a transcript, and search uses two of them (U+0002,
// U+0003, lib/search/search-sql.ts) to mark matches in snippets: one stored in a sentence
// would break highlighting. Tab, line feed and carriage return are whitespace and stay.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g

export function cleanSentenceText(text: string): string {
  return text.replace(CONTROL_CHARACTERS, '')
}

/**
 * Text a correction derives (a merge, a find/replace result) meets the same rules as typed
 * text: not empty, within the limit. 422 with the reason, so nothing is written.
 */
export function checkDerivedText(text: string): Result<string> {
  if (text.trim() === '') return unprocessable('A sentence cannot be empty.')
  if (text.length > SENTENCE_MAX_LENGTH)
    return unprocessable(
      `The result would be ${text.length} characters; a sentence can be at most ${SENTENCE_MAX_LENGTH}.`,
    )
  return ok(text)
}
