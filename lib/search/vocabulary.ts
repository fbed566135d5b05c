// The surface vocabulary of every transcript (lower-cased, diacritics folded, not stemmed), read
// from "SentenceWordsVocab", which SQL triggers keep current on every import, re-import,
// correction, split, merge and delete (prisma/migrations/20261127200000_search_words).
//
// A server process holds one snapshot of it in memory with a trigram index for typo candidates
// (spellfix1 is not compiled into better-sqlite3). The snapshot carries the value of
// "SearchVocabularyVersion", which the same triggers bump, and is rebuilt whenever the database
// holds a newer one, so it never answers from an older vocabulary than the sentence index.
// Building it reads the whole vocabulary (~37k words, a few hundred ms on the Talk Python
// corpus); a process pays that once, and again only after transcripts change.
import type { SqliteDatabase } from '@/lib/db/sqlite'
import { statement } from '@/lib/db/statements'
import { allowedTypos, typoDistance } from '@/lib/search/typo-distance'

interface VocabularySnapshot {
  version: number
  /** Words in code-unit order, so a prefix is a contiguous range. */
  words: string[]
  /** Sentences holding each word, by index into `words`. */
  docs: Int32Array
  index: Map<string, number>
  /** Padded trigram → indexes of the words holding it. */
  trigrams: Map<string, Int32Array>
  /** Scratch for counting shared trigrams per word, all zero between lookups. */
  shared: Uint16Array
}

const snapshots = new WeakMap<SqliteDatabase, VocabularySnapshot>()

/** How the tokenizer (unicode61, remove_diacritics 2) folds a word: lower case, no accents. */
export function foldWord(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
}

/**
 * The vocabulary's version: the triggers bump it on every sentence insert, text change and
 * delete, so anything derived from the sentence index alone can be kept until it changes.
 */
export function vocabularyVersion(db: SqliteDatabase): number {
  const version = statement(db, `SELECT version FROM SearchVocabularyVersion WHERE id = 1`).pluck().get() as
    number | undefined
  return version ?? 0
}

// "python" → ^^p ^py pyt yth tho hon on$ n$$: padding keeps the ends, so a swap in the middle of
// a short word ("pyhton") still shares the four edge trigrams with the word meant.
function paddedTrigrams(word: string): string[] {
  const chars = [...`^^${word}$$`]
  const out: string[] = []
  for (let i = 0; i + 3 <= chars.length; i++) out.push(chars.slice(i, i + 3).join(''))
  return out
}

function buildSnapshot(db: SqliteDatabase, version: number): VocabularySnapshot {
  const rows = db.prepare(`SELECT term, doc FROM SentenceWordsVocab`).all() as { term: string; doc: number }[]
  rows.sort((a, b) => (a.term < b.term ? -1 : a.term > b.term ? 1 : 0))
  const words = rows.map((row) => row.term)
  const docs = Int32Array.from(rows, (row) => row.doc)
  const index = new Map(words.map((word, i) => [word, i]))
  const lists = new Map<string, number[]>()
  words.forEach((word, i) => {
    for (const trigram of new Set(paddedTrigrams(word))) {
      const list = lists.get(trigram)
      if (list) list.push(i)
      else lists.set(trigram, [i])
    }
  })
  const trigrams = new Map([...lists].map(([trigram, list]) => [trigram, Int32Array.from(list)]))
  return { version, words, docs, index, trigrams, shared: new Uint16Array(words.length) }
}

function snapshotFor(db: SqliteDatabase): VocabularySnapshot {
  const version = vocabularyVersion(db)
  let snapshot = snapshots.get(db)
  if (!snapshot || snapshot.version !== version) {
    snapshot = buildSnapshot(db, version)
    snapshots.set(db, snapshot)
  }
  return snapshot
}

/** Sentences holding this exact (folded) word; 0 when no transcript says it. */
export function wordFrequency(db: SqliteDatabase, word: string): number {
  const snapshot = snapshotFor(db)
  const at = snapshot.index.get(foldWord(word))
  return at === undefined ? 0 : snapshot.docs[at]!
}

export interface Correction {
  word: string
  distance: number
  frequency: number
}

/**
 * The vocabulary words within the typo budget of `typed` (see typo-distance.ts), nearest
 * first and, at the same distance, the most frequent first.
 */
export function nearestWords(db: SqliteDatabase, typed: string, max = 3): Correction[] {
  const word = foldWord(typed)
  const limit = allowedTypos([...word].length)
  if (limit === 0) return []
  const snapshot = snapshotFor(db)
  const grams = paddedTrigrams(word)
  // Each edit changes at most four padded trigrams (a swap touches the ones over both letters).
  const needed = Math.max(1, grams.length - 4 * limit)
  // Count shared trigrams in a typed array and remember who reached the threshold: a Map of
  // counts cost a few ms for a long word whose trigrams ("ion", "^^c") thousands of words share.
  const { shared, words, docs } = snapshot
  const touched: number[] = []
  const reached: number[] = []
  for (const trigram of new Set(grams)) {
    const list = snapshot.trigrams.get(trigram)
    if (!list) continue
    for (let k = 0; k < list.length; k++) {
      const i = list[k]!
      const count = shared[i]!
      if (count === 0) touched.push(i)
      shared[i] = count + 1
      if (count + 1 === needed) reached.push(i)
    }
  }
  for (const i of touched) shared[i] = 0
  const found: Correction[] = []
  for (const i of reached) {
    const candidate = words[i]!
    if (candidate === word || Math.abs(candidate.length - word.length) > limit) continue
    const distance = typoDistance(word, candidate, limit)
    if (distance <= limit) found.push({ word: candidate, distance, frequency: docs[i]! })
  }
  found.sort((a, b) => a.distance - b.distance || b.frequency - a.frequency || (a.word < b.word ? -1 : 1))
  return found.slice(0, max)
}

/**
 * The most frequent vocabulary words starting with `prefix` (folded), at most `max` of them:
 * the porter index holds stems, so `replica*` there misses "replicated" (stem "replic").
 */
export function wordsWithPrefix(db: SqliteDatabase, prefix: string, max: number): string[] {
  const start = foldWord(prefix)
  if (start === '') return []
  const { words, docs } = snapshotFor(db)
  let low = 0
  let high = words.length
  while (low < high) {
    const mid = (low + high) >>> 1
    if (words[mid]! < start) low = mid + 1
    else high = mid
  }
  const matches: number[] = []
  for (let i = low; i < words.length && words[i]!.startsWith(start); i++) matches.push(i)
  matches.sort((a, b) => docs[b]! - docs[a]!)
  return matches.slice(0, max).map((i) => words[i]!)
}
