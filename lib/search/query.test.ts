import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { hasTokenChars } from './query-lexer'
import { compileSearchQuery, fts5String, MAX_QUERY_CHARS, MAX_QUERY_TERMS, QUERY_MESSAGES } from './query'

// Same tokenizer as prisma/migrations/*_sentence_fts: matches here are matches in production.
const TOKENIZER = `tokenize = 'porter unicode61 remove_diacritics 2'`
const NO_FILTERS = { speakers: [], shows: [] }

interface GrammarCase {
  title: string
  input: string
  match: string | null
  filters?: { speakers: string[]; shows: string[] }
  terms?: string[]
}

const GRAMMAR: GrammarCase[] = [
  // Words, phrases, prefixes
  { title: 'one word', input: 'sqlite', match: '"sqlite"', terms: ['sqlite'] },
  {
    title: 'bare words are AND-ed',
    input: 'SQLite replication',
    match: '"SQLite" AND "replication"',
    terms: ['sqlite', 'replication'],
  },
  {
    title: 'a quoted phrase',
    input: '"quick brown" fox',
    match: '"quick brown" AND "fox"',
    terms: ['quick brown', 'fox'],
  },
  { title: 'whitespace inside a phrase collapses', input: '"  quick \t brown  "', match: '"quick brown"' },
  { title: 'a word ending in *', input: 'litest*', match: '"litest"*', terms: ['litest*'] },
  { title: 'several trailing stars are one prefix', input: 'litest***', match: '"litest"*' },
  { title: 'a star after a closing quote', input: '"lite str"*', match: '"lite str"*', terms: ['lite str*'] },
  { title: 'a star inside quotes is text', input: '"litest*"', match: '"litest*"' },
  { title: 'leading and inner stars are text', input: '*foo foo*bar', match: '"*foo" AND "foo*bar"' },
  { title: 'a quote ends a bare word', input: 'a"b c"', match: '"a" AND "b c"' },
  // Exclusions
  { title: 'exclude a word', input: 'sqlite -mysql', match: '"sqlite" NOT "mysql"', terms: ['sqlite'] },
  { title: 'exclude a phrase', input: 'sqlite -"my sql"', match: '"sqlite" NOT "my sql"' },
  { title: 'exclude a prefix', input: 'sqlite -lite*', match: '"sqlite" NOT "lite"*' },
  {
    title: 'exclusions hang off the whole positive side',
    input: '-c a b -d',
    match: '("a" AND "b") NOT ("c" OR "d")',
  },
  { title: 'a lone dash is punctuation', input: 'sqlite - mysql', match: '"sqlite" AND "mysql"' },
  { title: 'an inner dash is text', input: 'e-mail', match: '"e-mail"' },
  { title: 'a double dash excludes the rest', input: 'bar --foo', match: '"bar" NOT "-foo"' },
  // OR
  {
    title: 'OR between two words',
    input: 'sqlite OR postgres',
    match: '("sqlite" OR "postgres")',
    terms: ['sqlite', 'postgres'],
  },
  { title: 'OR binds tighter than AND', input: 'a OR b c', match: '("a" OR "b") AND "c"' },
  { title: 'OR chains', input: 'a OR b OR "c d"', match: '("a" OR "b" OR "c d")' },
  { title: 'OR with exclusions', input: 'a OR b -c', match: '("a" OR "b") NOT "c"' },
  { title: 'lowercase or is a word', input: 'a or b', match: '"a" AND "or" AND "b"' },
  { title: 'a trailing OR is ignored', input: 'sqlite OR', match: '"sqlite"' },
  { title: 'a leading OR is ignored', input: 'OR sqlite', match: '"sqlite"' },
  { title: 'OR OR counts once', input: 'a OR OR b', match: '("a" OR "b")' },
  { title: 'OR before an exclusion is ignored', input: 'a OR -b c', match: '("a" AND "c") NOT "b"' },
  {
    title: 'OR skips filters and dropped terms',
    input: 'a OR speaker:x *** b',
    match: '("a" OR "b")',
    filters: { speakers: ['x'], shows: [] },
  },
  {
    title: 'quoted, negated or starred OR is a word',
    input: 'x "OR" -OR OR*',
    match: '("x" AND "OR" AND "OR"*) NOT "OR"',
  },
  // Filters
  {
    title: 'only a filter',
    input: 'speaker:guido',
    match: null,
    filters: { speakers: ['guido'], shows: [] },
    terms: [],
  },
  {
    title: 'a quoted filter value',
    input: 'speaker:"Guido van  Rossum" gil',
    match: '"gil"',
    filters: { speakers: ['Guido van Rossum'], shows: [] },
  },
  {
    title: 'filter keys are case-insensitive',
    input: 'SPEAKER:Guido Show:talk-python',
    match: null,
    filters: { speakers: ['Guido'], shows: ['talk-python'] },
  },
  {
    title: 'an unterminated quoted filter value',
    input: 'x show:"Talk Python',
    match: '"x"',
    filters: { speakers: [], shows: ['Talk Python'] },
  },
  {
    title: 'repeated filter values',
    input: 'speaker:a speaker:b speaker:A show:s',
    match: null,
    filters: { speakers: ['a', 'b'], shows: ['s'] },
  },
  { title: 'a filter key without a value is ignored', input: 'speaker: guido show:""', match: '"guido"' },
  {
    title: 'other keys are text',
    input: 'speakers:guido text:foo',
    match: '"speakers:guido" AND "text:foo"',
  },
  // Unbalanced quotes
  {
    title: 'an unterminated phrase runs to the end',
    input: 'say "hello  world',
    match: '"say" AND "hello world"',
  },
  { title: 'a dangling quote', input: 'a "', match: '"a"' },
  { title: 'an unterminated excluded phrase', input: 'a -"b c', match: '"a" NOT "b c"' },
  // Terms without token characters are dropped
  {
    title: 'punctuation-only terms are dropped',
    input: 'sqlite *** -- "" ")(" ... -*** -""',
    match: '"sqlite"',
  },
  { title: 'emoji are separators to unicode61', input: 'emoji 🎉 -👍🏽', match: '"emoji"' },
  // FTS5 syntax is plain text
  {
    title: 'FTS5 keywords',
    input: 'AND NOT NEAR',
    match: '"AND" AND "NOT" AND "NEAR"',
    terms: ['and', 'not', 'near'],
  },
  { title: 'NEAR groups', input: 'NEAR(a b, 2)', match: '"NEAR(a" AND "b," AND "2)"' },
  {
    title: 'column filters and initial tokens',
    input: 'text:foo ^foo {text}:bar',
    match: '"text:foo" AND "^foo" AND "{text}:bar"',
  },
  { title: 'parentheses and plus', input: '(foo +bar) c++', match: '"(foo" AND "+bar)" AND "c++"' },
  // Unicode and control characters
  {
    title: 'accented words',
    input: 'Café ÜBER naïve',
    match: '"Café" AND "ÜBER" AND "naïve"',
    terms: ['café', 'über', 'naïve'],
  },
  { title: 'CJK', input: '東京 タワー', match: '"東京" AND "タワー"' },
  { title: 'a NUL splits a word', input: 'a\u0000b', match: '"a" AND "b"' },
  { title: 'control characters inside a phrase', input: '"a\u0000b\u0007c"', match: '"a b c"' },
  { title: 'tabs and newlines separate', input: 'a\tb\nc', match: '"a" AND "b" AND "c"' },
  { title: 'lone surrogates are dropped', input: '\ud800abc \udfff', match: '"abc"' },
]

const MESSAGE_CASES: { title: string; input: string; message: string }[] = [
  { title: 'empty', input: '', message: QUERY_MESSAGES.empty },
  { title: 'whitespace', input: ' \t\n ', message: QUERY_MESSAGES.empty },
  { title: 'punctuation only', input: '*** -- ")("', message: QUERY_MESSAGES.noWords },
  { title: 'a lone quote', input: '"', message: QUERY_MESSAGES.noWords },
  { title: 'emoji only', input: '🎉', message: QUERY_MESSAGES.noWords },
  { title: 'control characters only', input: '\u0000\u0001', message: QUERY_MESSAGES.noWords },
  { title: 'an empty filter', input: 'speaker:"', message: QUERY_MESSAGES.noWords },
  { title: 'only OR', input: 'OR', message: QUERY_MESSAGES.noWords },
  { title: 'only an exclusion', input: '-mysql', message: QUERY_MESSAGES.onlyExclusions },
  {
    title: 'exclusions and a filter',
    input: '-mysql -"a b" speaker:guido',
    message: QUERY_MESSAGES.onlyExclusions,
  },
  { title: 'a negated filter', input: 'sqlite -speaker:guido', message: QUERY_MESSAGES.negatedFilter },
  { title: 'too long', input: 'x'.repeat(MAX_QUERY_CHARS + 1), message: QUERY_MESSAGES.tooLong },
  { title: 'too many words', input: words(MAX_QUERY_TERMS + 1), message: QUERY_MESSAGES.tooManyTerms },
  {
    title: 'exclusions count as terms',
    input: `${words(MAX_QUERY_TERMS)} -extra`,
    message: QUERY_MESSAGES.tooManyTerms,
  },
]

/** The MATCH expression for an input that must compile to one. */
function matchFor(input: string): string {
  const result = compileSearchQuery(input)
  expect(result).toMatchObject({ ok: true, match: expect.any(String) })
  return (result as { match: string }).match
}

function words(count: number): string {
  return Array.from({ length: count }, (_, i) => `w${i}`).join(' ')
}

describe('compileSearchQuery grammar', () => {
  it.each(GRAMMAR)('$title', ({ input, match, filters = NO_FILTERS, terms }) => {
    expect(compileSearchQuery(input)).toMatchObject({ ok: true, match, filters, ...(terms && { terms }) })
  })

  it.each(MESSAGE_CASES)('refuses $title with a message', ({ input, message }) => {
    expect(compileSearchQuery(input)).toEqual({ ok: false, message })
  })

  it('has no two grammar cases with the same title', () => {
    const titles = [...GRAMMAR, ...MESSAGE_CASES].map((c) => c.title)
    expect(new Set(titles).size).toBe(titles.length)
  })

  it('accepts exactly the limits', () => {
    expect(compileSearchQuery('x'.repeat(MAX_QUERY_CHARS))).toMatchObject({ ok: true })
    expect(compileSearchQuery(`${' '.repeat(1000)}x${' '.repeat(1000)}`)).toMatchObject({
      ok: true,
      match: '"x"',
    })
    expect(compileSearchQuery(words(MAX_QUERY_TERMS))).toMatchObject({ ok: true })
    // Dropped punctuation and filters do not count as terms.
    const padded = `${'*** '.repeat(40)}${words(MAX_QUERY_TERMS)} speaker:a speaker:b`
    expect(compileSearchQuery(padded)).toMatchObject({ ok: true })
  })

  it('returns a message for input that is not a string', () => {
    expect(compileSearchQuery(undefined as unknown as string)).toEqual({
      ok: false,
      message: QUERY_MESSAGES.empty,
    })
  })

  it('describes what was searched', () => {
    const describeQuery = (input: string) => {
      const result = compileSearchQuery(input)
      expect(result).toMatchObject({ ok: true })
      return (result as { description: string }).description
    }
    expect(describeQuery('SQLite speaker:Michael')).toBe('"sqlite" by speaker "Michael"')
    expect(describeQuery('a OR b litest* -c -"d e" speaker:x speaker:y show:s')).toBe(
      '("a" or "b") and "litest*" without "c" or "d e" by speaker "x" or "y" on show "s"',
    )
    expect(describeQuery('a OR b')).toBe('"a" or "b"')
    expect(describeQuery('show:"Talk Python"')).toBe('all sentences on show "Talk Python"')
  })

  it('doubles quotes inside FTS5 strings', () => {
    expect(fts5String('say "hi"')).toBe('"say ""hi"""')
    expect(fts5String('')).toBe('""')
  })
})

describe('compiled queries against a real FTS5 table', () => {
  const db = new Database(':memory:')
  db.exec(`CREATE VIRTUAL TABLE fts USING fts5(text, ${TOKENIZER})`)
  const ROWS = [
    'Litestream replicates SQLite to S3',
    'The café serves crème brûlée',
    'quick brown fox',
    'brown quick fox',
    'C++ and e.g. notation',
    '東京 タワー',
    'emoji 🎉 party',
    'NEAR AND OR NOT are plain words',
    'text: colon and ^caret',
    'Über alles, naïve résumé',
    'postgres replication',
    'say "hi" to everyone',
  ]
  const insert = db.prepare('INSERT INTO fts(rowid, text) VALUES (?, ?)')
  ROWS.forEach((text, i) => insert.run(i + 1, text))
  const search = db.prepare<[string], { rowid: number; snippet: string; rank: number }>(
    `SELECT rowid, snippet(fts, 0, '[', ']', '…', 8) AS snippet, bm25(fts) AS rank
       FROM fts WHERE fts MATCH ? ORDER BY rowid`,
  )
  afterAll(() => db.close())

  function rowsFor(input: string): number[] {
    return search.all(matchFor(input)).map((row) => row.rowid)
  }

  it.each([
    { input: 'litest*', rows: [1] },
    { input: 'sqlite', rows: [1] },
    { input: 'quick brown', rows: [3, 4] },
    { input: '"quick brown"', rows: [3] },
    { input: '"brown quick"', rows: [4] },
    { input: 'fox -"quick brown"', rows: [4] },
    { input: 'fox -quick', rows: [] },
    { input: 'cafe', rows: [2] },
    { input: 'CAFÉ creme brulee', rows: [2] },
    { input: 'uber naive resume', rows: [10] },
    { input: 'replicating', rows: [1, 11] },
    { input: 'replication -litestream', rows: [11] },
    { input: 'sqlite OR postgres', rows: [1, 11] },
    { input: 'sqlite OR postgres -s3', rows: [11] },
    { input: 'c++', rows: [5] },
    { input: 'e.g.', rows: [5] },
    { input: '東京', rows: [6] },
    { input: 'emoji 🎉', rows: [7] },
    { input: 'NEAR', rows: [8] },
    { input: 'AND', rows: [5, 8, 9] },
    { input: 'text:colon', rows: [9] },
    { input: '^caret', rows: [9] },
    { input: '(foo', rows: [] },
    { input: 'say "hi', rows: [12] },
    { input: 'brown -"brown quick" -(nothing', rows: [3] },
    // Prefixes meet porter stems: the index holds "replic" for replicates/replication, so a
    // prefix longer than the stem misses. A known FTS5 limit, recorded so a change shows.
    { input: 'replic*', rows: [1, 11] },
    { input: 'replica*', rows: [] },
  ])('$input finds rows $rows', ({ input, rows }) => {
    expect(rowsFor(input)).toEqual(rows)
  })

  it('runs snippet() and bm25() over a compiled match', () => {
    const match = matchFor('litest* sql*')
    expect(match).toBe('"litest"* AND "sql"*')
    const [hit] = search.all(match)
    expect(hit?.snippet).toBe('[Litestream] replicates [SQLite] to S3')
    expect(hit?.rank).toBeLessThan(0)
  })

  it('matches a phrase whose inner quotes are doubled', () => {
    expect(search.all(fts5String('say "hi"')).map((row) => row.rowid)).toEqual([12])
  })

  // The edge cases that decided the grammar: SQLite reads a phrase without tokens as empty,
  // which never errors but means something different under each operator.
  it('records how FTS5 treats phrases without tokens', () => {
    const ids = (match: string) => search.all(match).map((row) => row.rowid)
    expect(ids('""')).toEqual([])
    expect(ids('"***"*')).toEqual([])
    expect(ids('"quick" ""')).toEqual([3, 4]) // ignored under implicit AND
    expect(ids('"quick" AND ""')).toEqual([]) // but empties an explicit AND
    expect(ids('"quick" NOT "🎉"')).toEqual([3, 4]) // and excludes nothing
    expect(() => search.all('"a\u0000b"')).toThrow(/unterminated string/)
  })
})

describe('hasTokenChars against unicode61', () => {
  it('never calls a code point a token character when SQLite does not', () => {
    const db = new Database(':memory:')
    db.exec(`CREATE VIRTUAL TABLE fts USING fts5(text, ${TOKENIZER});
             CREATE VIRTUAL TABLE vocab USING fts5vocab(fts, instance);`)
    const insert = db.prepare('INSERT INTO fts(rowid, text) VALUES (?, ?)')
    const claimed: number[] = []
    db.transaction(() => {
      for (let cp = 1; cp <= 0x10ffff; cp++) {
        if (cp >= 0xd800 && cp <= 0xdfff) continue // surrogates are not characters
        const char = String.fromCodePoint(cp)
        if (hasTokenChars(char)) {
          claimed.push(cp)
          insert.run(cp, char)
        }
      }
    })()
    const tokenized = new Set(db.prepare('SELECT DISTINCT doc FROM vocab').pluck().all())
    db.close()
    const wrong = claimed.filter((cp) => !tokenized.has(cp)) // decimal code points
    expect(wrong).toEqual([])
    expect(claimed.length).toBeGreaterThan(100_000) // letters of every script, not a vacuous pass
  })

  it('agrees on ASCII both ways', () => {
    const ascii = Array.from({ length: 127 }, (_, i) => String.fromCharCode(i + 1))
    expect(ascii.filter(hasTokenChars).join('')).toBe(
      '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
    )
  })
})
