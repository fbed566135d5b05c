// Relevance sets and the query mix for `npm run bench` (issue 11), built from the corpus itself.
// Known items: three fairly rare words from ONE caption cue (not one sentence), expecting that
// episode in the top 5 and a hit within ±30 s of the cue. Typo set: the same queries with one
// edit in one word. Both run against our search and plain sentence-level FTS5 bm25.
import { readFileSync } from 'node:fs'
import type { SqliteDatabase } from '@/lib/db/sqlite'
import { searchTranscripts } from '@/lib/search/search'
import { foldWord } from '@/lib/search/vocabulary'

export const KNOWN_ITEMS = 250
const RARE = { min: 3, max: 300 } // sentences holding the word: "fairly rare"
const AT_TIME_MS = 30_000

export interface KnownItem {
  q: string
  typo: string
  slug: string
  startMs: number
}

/** Seeded, so every run measures the same queries. */
export function mulberry32(seed: number) {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function cues(vtt: string): { startMs: number; text: string }[] {
  const out: { startMs: number; text: string }[] = []
  for (const block of vtt.split(/\r?\n\r?\n/)) {
    const lines = block.split(/\r?\n/)
    const timing = lines.findIndex((line) => line.includes('-->'))
    if (timing === -1) continue
    const [h, m, s] = (
      lines[timing]!.split('-->')[0]!
        .trim()
        .match(/^(?:(\d+):)?(\d+):(\d+(?:\.\d+)?)$/) ?? []
    )
      .slice(1)
      .map((part) => Number(part ?? 0))
    if (s === undefined || Number.isNaN(s)) continue
    const text = lines
      .slice(timing + 1)
      .join(' ')
      .replace(/<[^>]*>/g, ' ')
    out.push({ startMs: Math.round(((h ?? 0) * 3600 + (m ?? 0) * 60 + s) * 1000), text })
  }
  return out
}

// One edit inside the word (never the first letter): a swap, a dropped or a doubled letter.
function typo(word: string, random: () => number): string {
  const i = 1 + Math.floor(random() * (word.length - 2))
  const kind = Math.floor(random() * 3)
  if (kind === 0) return word.slice(0, i) + word.charAt(i + 1) + word.charAt(i) + word.slice(i + 2)
  if (kind === 1) return word.slice(0, i) + word.slice(i + 1)
  return word.slice(0, i) + word.charAt(i) + word.slice(i)
}

export function buildKnownItems(db: SqliteDatabase, files: { path: string; slug: string }[]): KnownItem[] {
  const docs = new Map(
    (db.prepare(`SELECT term, doc FROM SentenceWordsVocab`).all() as { term: string; doc: number }[]).map(
      (r) => [r.term, r.doc],
    ),
  )
  const random = mulberry32(11)
  const items: KnownItem[] = []
  for (let attempt = 0; items.length < KNOWN_ITEMS && attempt < KNOWN_ITEMS * 50; attempt++) {
    const file = files[Math.floor(random() * files.length)]!
    const all = cues(readFileSync(file.path, 'utf8'))
    const cue = all[Math.floor(random() * all.length)]
    if (!cue) continue
    const words = [...new Set((cue.text.match(/[\p{L}]{4,}/gu) ?? []).map(foldWord))].filter((w) => {
      const n = docs.get(w) ?? 0
      return n >= RARE.min && n <= RARE.max
    })
    if (words.length < 3) continue
    const picked = words.sort(() => random() - 0.5).slice(0, 3)
    const long = picked.reduce((a, b) => (b.length > a.length ? b : a))
    const wrong = typo(long, random)
    if (long.length < 5 || docs.has(wrong)) continue
    items.push({
      q: picked.join(' '),
      typo: picked.map((w) => (w === long ? wrong : w)).join(' '),
      slug: file.slug,
      startMs: cue.startMs,
    })
  }
  return items
}

export interface Relevance {
  hitAt5: number
  atTime: number
  queries: number
}

type Ranked = { slug: string; startMs: number[] }[]

function score(items: KnownItem[], run: (item: KnownItem) => Ranked): Relevance {
  let hits = 0
  let onTime = 0
  for (const item of items) {
    const top = run(item)
      .slice(0, 5)
      .filter((hit) => hit.slug === item.slug)
    if (top.length > 0) hits++
    if (top.some((hit) => hit.startMs.some((ms) => Math.abs(ms - item.startMs) <= AT_TIME_MS))) onTime++
  }
  return { hitAt5: hits / items.length, atTime: onTime / items.length, queries: items.length }
}

export function relevanceOfOurs(db: SqliteDatabase, items: KnownItem[], which: 'q' | 'typo'): Relevance {
  return score(items, (item) => {
    const outcome = searchTranscripts(db, { q: item[which], limit: 5 })
    if (!outcome.ok) return []
    return outcome.hits.map((hit) => ({
      slug: hit.episode.slug,
      startMs: hit.passage ? hit.passage.sentences.map((s) => s.startMs) : [hit.sentence.startMs],
    }))
  })
}

export function relevanceOfPlainFts(db: SqliteDatabase, items: KnownItem[], which: 'q' | 'typo'): Relevance {
  const search = db.prepare(
    `SELECT e.slug, s.startMs FROM SentenceFts JOIN Sentence s ON s.id = SentenceFts.rowid
     JOIN Episode e ON e.id = s.episodeId WHERE SentenceFts MATCH ? ORDER BY bm25(SentenceFts) LIMIT 5`,
  )
  return score(items, (item) => {
    const match = item[which]
      .split(' ')
      .map((w) => `"${w}"`)
      .join(' ')
    return (search.all(match) as { slug: string; startMs: number }[]).map((r) => ({
      slug: r.slug,
      startMs: [r.startMs],
    }))
  })
}

/**
 * A realistic mix: half single words drawn by corpus frequency ("the", "and", "python" come
 * up), a quarter bags of 2–3 rarer words and a quarter two-word phrases from real sentences.
 */
export function buildQueryMix(db: SqliteDatabase, size = 240): string[] {
  const random = mulberry32(7)
  const vocab = db.prepare(`SELECT term, doc FROM SentenceWordsVocab`).all() as {
    term: string
    doc: number
  }[]
  const total = vocab.reduce((sum, row) => sum + row.doc, 0)
  const byFrequency = () => {
    let target = random() * total
    for (const row of vocab) if ((target -= row.doc) <= 0) return row.term
    return vocab.at(-1)!.term
  }
  const maxId = (db.prepare(`SELECT max(id) AS id FROM Sentence`).get() as { id: number }).id
  const sentenceWords = () => {
    for (;;) {
      const row = db
        .prepare(`SELECT text FROM Sentence WHERE id >= ? LIMIT 1`)
        .get(Math.floor(random() * maxId)) as { text: string } | undefined
      const words = row?.text.match(/\p{L}+/gu) ?? []
      if (words.length >= 4) return words
    }
  }
  const mix: string[] = []
  for (let i = 0; i < size; i++) {
    if (i % 2 === 0) mix.push(byFrequency())
    else if (i % 4 === 1) {
      // Rarer words (5+ letters) of one real sentence, in any order.
      const words = [...new Set(sentenceWords().filter((w) => w.length >= 5))].sort(() => random() - 0.5)
      if (words.length < 2) {
        i--
        continue
      }
      mix.push(
        words
          .slice(0, 2 + Math.floor(random() * 2))
          .join(' ')
          .toLowerCase(),
      )
    } else {
      const words = sentenceWords()
      const at = Math.floor(random() * (words.length - 1))
      mix.push(`"${words[at]} ${words[at + 1]}"`.toLowerCase())
    }
  }
  return mix
}
