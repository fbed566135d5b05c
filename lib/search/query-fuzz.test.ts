// Fuzzes compileSearchQuery with strings shaped to hurt: punctuation, quotes, stars, dashes,
// colons, FTS5 keywords, unicode, control characters, very long input. Every compiled MATCH
// runs against a real FTS5 table. The PRNG is seeded, so a failure names the case number and
// input, and the same SEED replays it; change SEED locally to explore further.
import Database from 'better-sqlite3'
import { afterAll, assert, describe, expect, it } from 'vitest'
import { compileSearchQuery, QUERY_MESSAGES } from './query'

const SEED = 0x5ea4c4
const CASES = 6000

/** mulberry32: a tiny deterministic PRNG, uniform in [0, 1). */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = Math.imul(state ^ (state >>> 15), state | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

type Random = () => number
const int = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1))
const pick = <T>(random: Random, items: readonly T[]): T => items[int(random, 0, items.length - 1)] as T
/** Fisher–Yates, in place. */
function shuffle<T>(random: Random, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = int(random, 0, i)
    ;[items[i], items[j]] = [items[j] as T, items[i] as T]
  }
  return items
}
const repeat = (count: number, make: () => string) => Array.from({ length: count }, make)

const PUNCTUATION = `"*-:()^{}[]+.,;!?@#$%&|\\/'~\`<>=_ `
const WORDS = 'sqlite litest replication quick brown fox café CAFE 東京 ünïcödé x'.split(' ')
const PIECES = [
  ...WORDS,
  ...'OR OR AND NOT NEAR NEAR( ) ( ^ {text}: text: col: " "" * - -- -" c++ e.g. *** "quick brown"'.split(' '),
  ...'speaker: speaker:" SPEAKER:guido show:"Talk Show: -speaker:x 🎉 👍🏽 ᦰ'.split(' '),
  ...'after: before:2024 AFTER:2024-02-30 after:2024-03 -before:2025'.split(' '),
  ...['\u0301', '\ud800', '\u0000', '\t', '\n', '\u3000', ' ', ' ', ' '],
]
// [low, high] code point ranges; surrogates come out as lone UTF-16 units.
const CODE_POINT_RANGES: [number, number][] = [
  [0x20, 0x7e],
  [0x00, 0x1f],
  [0x7f, 0x9f],
  [0xa0, 0x36f],
  [0x19b0, 0x19cf],
  [0x3000, 0x30ff],
  [0x4e00, 0x9fff],
  [0xd800, 0xdfff],
  [0xe000, 0xf8ff],
  [0xfff0, 0xffff],
  [0x1f300, 0x1faff],
  [0, 0x10ffff],
]

const GENERATORS: Record<string, (random: Random) => string> = {
  punctuation: (random) =>
    repeat(int(random, 1, 40), () =>
      random() < 0.85 ? pick(random, [...PUNCTUATION]) : pick(random, WORDS),
    ).join(''),
  pieces: (random) =>
    repeat(int(random, 1, 24), () => pick(random, PIECES) + (random() < 0.5 ? ' ' : '')).join(''),
  // Close to what listeners type, so every outcome (and every message) comes up often.
  shaped: (random) => {
    const word = () => pick(random, [...WORDS, '"quick brown"', '"lite str"*', 'litest*', '***'])
    const parts = [
      ...repeat(int(random, 0, 3), word),
      ...repeat(int(random, 0, 2), () => `-${word()}`),
      ...repeat(int(random, 0, 2), () =>
        pick(random, [
          'speaker:guido',
          'show:"Talk Python"',
          'speaker:',
          '-show:x',
          'after:2024-03',
          'before:2024',
          'after:2024-13',
          '-before:2024',
        ]),
      ),
      ...repeat(int(random, 0, 2), () => 'OR'),
    ]
    return shuffle(random, parts).join(' ')
  },
  unicode: (random) =>
    repeat(int(random, 1, 30), () => {
      const [low, high] = pick(random, CODE_POINT_RANGES)
      const cp = int(random, low, high)
      return cp >= 0xd800 && cp <= 0xdfff ? String.fromCharCode(cp) : String.fromCodePoint(cp)
    }).join(''),
  blank: (random) =>
    repeat(int(random, 0, 8), () => pick(random, [' ', '\t', '\n', '\r', '\u3000', '\u00a0'])).join(''),
  long: (random) => repeat(int(random, 60, 600), () => pick(random, PIECES)).join(pick(random, ['', ' '])),
}

// Rows with the fuzz vocabulary, so many compiled queries find something.
const ROWS = [
  'Litestream replicates SQLite to S3',
  'The café serves quick brown coffee',
  'brown quick fox and the x factor',
  '東京 ünïcödé text col near',
  'Talk Python with guido about c++ e.g. generics',
]

describe('compileSearchQuery fuzz', () => {
  const db = new Database(':memory:')
  db.exec(`
    CREATE VIRTUAL TABLE fts USING fts5(text, tokenize = 'porter unicode61 remove_diacritics 2');
    CREATE VIRTUAL TABLE scratch USING fts5(text, tokenize = 'porter unicode61 remove_diacritics 2');
    CREATE VIRTUAL TABLE scratch_tokens USING fts5vocab(scratch, instance);
  `)
  const insert = db.prepare('INSERT INTO fts(text) VALUES (?)')
  for (const text of ROWS) insert.run(text)
  // The same shape of query the app runs: MATCH, snippet() and bm25() together.
  const search = db.prepare(
    `SELECT rowid, snippet(fts, 0, '[', ']', '…', 8) AS snippet, bm25(fts) AS rank
       FROM fts WHERE fts MATCH ? ORDER BY rank LIMIT 5`,
  )
  const addScratch = db.prepare('INSERT INTO scratch(rowid, text) VALUES (1, ?)')
  const countTokens = db.prepare('SELECT count(*) FROM scratch_tokens').pluck()
  const clearScratch = db.prepare('DELETE FROM scratch')
  afterAll(() => db.close())

  /** How many tokens SQLite's tokenizer finds in one FTS5 string's content. */
  function tokenCount(text: string): number {
    addScratch.run(text)
    const count = countTokens.get() as number
    clearScratch.run()
    return count
  }

  it(`never throws and always yields a runnable MATCH (${CASES} seeded cases)`, () => {
    const random = mulberry32(SEED)
    const names = Object.keys(GENERATORS)
    const perGenerator = new Map<string, number>()
    const messages = new Set<string>()
    const seen = { refused: 0, filterOnly: 0, matched: 0, withRows: 0 }

    for (let i = 0; i < CASES; i++) {
      const name = pick(random, names)
      const input = GENERATORS[name]!(random)
      perGenerator.set(name, (perGenerator.get(name) ?? 0) + 1)
      const label = `case ${i} (${name}, seed ${SEED}): ${JSON.stringify(input)}`

      // chai's assert carries the case label; checked first so a throw names its input.
      assert.doesNotThrow(() => compileSearchQuery(input), null, null, label)
      const result = compileSearchQuery(input)

      if (!result.ok) {
        seen.refused++
        messages.add(result.message)
        assert.match(result.message, /\S/, label)
      } else if (result.match === null) {
        seen.filterOnly++
        const { speakers, shows, after, before } = result.filters
        assert.isAbove(speakers.length + shows.length + (after ? 1 : 0) + (before ? 1 : 0), 0, label)
        assert.deepEqual(result.terms, [], label)
      } else {
        seen.matched++
        const { match } = result
        // Outside its strings, the expression holds nothing but our own operators.
        const skeleton = match.replace(/"(?:[^"]|"")*"/g, '').replace(/\b(?:AND|OR|NOT)\b|[()*\s]/g, '')
        assert.strictEqual(skeleton, '', label)
        // Every string is a phrase SQLite can see: no empty or punctuation-only phrase.
        for (const [, text = ''] of match.matchAll(/"((?:[^"]|"")*)"/g)) {
          assert.isAbove(tokenCount(text.replaceAll('""', '"')), 0, label)
        }
        assert.isNotEmpty(result.terms, label)
        assert.doesNotThrow(() => search.all(match), null, null, label)
        if (search.all(match).length > 0) seen.withRows++
      }
      if (result.ok) assert.match(result.description, /\S/, label)
    }

    // Every branch above ran, every generator fed it and every message came up: the fuzz
    // cannot pass by never reaching the parts it claims to test.
    expect(seen.refused).toBeGreaterThan(0)
    expect(seen.filterOnly).toBeGreaterThan(0)
    expect(seen.matched).toBeGreaterThan(0)
    expect(seen.withRows).toBeGreaterThan(0)
    expect([...perGenerator.keys()].sort()).toEqual([...names].sort())
    expect([...messages].sort()).toEqual(Object.values(QUERY_MESSAGES).sort())
  })
})
