// Typos, prefixes over surface words, passages across sentences, relaxing and date filters.
import { describe, expect, it } from 'vitest'
import { freshDatabase } from '../../tests/support/database'
import { importTranscript } from '../import/import-transcript'
import { searchTranscripts, type SearchOutcome } from './search'
import { allowedTypos, typoDistance } from './typo-distance'
import { compileSearchQuery, QUERY_MESSAGES } from './query'

function clock(seconds: number): string {
  const two = (n: number) => String(n).padStart(2, '0')
  return `00:${two(Math.floor(seconds / 60))}:${two(seconds % 60)}.000`
}

function vtt(lines: string[]): string {
  return `WEBVTT\n\n${lines.map((text, i) => `${clock(i * 5)} --> ${clock(i * 5 + 5)}\n${text}\n`).join('\n')}`
}

function seeded() {
  const db = freshDatabase()
  importTranscript(
    db,
    {
      name: 'one.vtt',
      content: vtt([
        'Litestream streams the database to a bucket.',
        'Django and Python and Python again.',
        'Python is everywhere, Python is here.',
        'The replicas are replicated hourly.',
        'We talked about the write ahead. Log and checkpoints came next.',
        'Pyston is a faster Python.',
        'And Django?',
      ]),
    },
    { showSlug: 'small-db', metadata: { publishedAt: new Date('2024-03-10T00:00:00Z') } },
  )
  importTranscript(
    db,
    { name: 'two.vtt', content: vtt(['Postgres replication with a standby.', 'Pyhton is how I type it.']) },
    { showSlug: 'small-db', metadata: { publishedAt: new Date('2025-01-05T00:00:00Z') } },
  )
  return db
}

type Found = Extract<SearchOutcome, { ok: true }>
function found(outcome: SearchOutcome): Found {
  if (!outcome.ok) throw new Error(outcome.message)
  return outcome
}
const texts = (outcome: SearchOutcome) => found(outcome).hits.map((hit) => hit.sentence.text)
const marked = (outcome: SearchOutcome) =>
  found(outcome).hits.map((hit) => hit.snippet.map((p) => (p.match ? `[${p.text}]` : p.text)).join(''))

describe('typo distance', () => {
  it('counts a swap of neighbours as one edit and a first-letter typo as two', () => {
    expect(typoDistance('pyhton', 'python', 1)).toBe(1)
    expect(typoDistance('pyhton', 'pyston', 1)).toBe(1) // frequency decides between these two
    expect(typoDistance('pyhton', 'pythons', 1)).toBe(2) // over the limit: reported as limit + 1
    expect(typoDistance('litestraem', 'litestream', 2)).toBe(1)
    expect(typoDistance('xjango', 'django', 2)).toBe(2)
    expect(typoDistance('xjango', 'django', 1)).toBe(2)
  })

  it('allows 0 typos under 5 letters, 1 up to 8, 2 from 9', () => {
    expect([4, 5, 8, 9, 12].map(allowedTypos)).toEqual([0, 1, 1, 2, 2])
  })
})

describe('typo tolerance', () => {
  it('corrects a word no transcript says and shows the corrected results', () => {
    const outcome = found(searchTranscripts(seeded(), { q: 'litestraem' }))
    expect(outcome.correction).toEqual({
      original: 'litestraem',
      query: 'litestream',
      description: '"litestream"',
    })
    expect(texts(outcome)).toEqual(['Litestream streams the database to a bucket.'])
  })

  it('prefers a swap over another word, then the more frequent word', () => {
    const outcome = found(searchTranscripts(seeded(), { q: 'djnago' }))
    expect(outcome.correction?.query).toBe('django')
  })

  it('shows exact hits and offers the far more frequent spelling as "did you mean"', () => {
    const db = seeded()
    importTranscript(
      db,
      { name: 'three.vtt', content: vtt(Array.from({ length: 40 }, (_, i) => `Python line ${i}.`)) },
      { showSlug: 'small-db' },
    )
    const outcome = found(searchTranscripts(db, { q: 'pyhton' }))
    expect(texts(outcome)).toEqual(['Pyhton is how I type it.'])
    expect(outcome.suggestion).toBe('python')
    expect(outcome.correction).toBeUndefined()
  })

  it('never fuzzes quoted phrases, prefixes, exclusions or filters, nor with exact', () => {
    const db = seeded()
    for (const q of ['"litestraem"', 'litestraem*', 'database -litestraem', 'speaker:litestraem']) {
      expect(found(searchTranscripts(db, { q })).correction).toBeUndefined()
    }
    expect(found(searchTranscripts(db, { q: 'litestraem', exact: true }))).toMatchObject({
      total: 0,
      hits: [],
    })
  })
})

describe('prefixes over words', () => {
  it('finds surface words the stem prefix misses', () => {
    expect(marked(searchTranscripts(seeded(), { q: 'replica*' })).sort()).toEqual([
      'Postgres [replication] with a standby.',
      'The [replicas] are [replicated] hourly.',
    ])
  })
})

describe('passages', () => {
  it('match words spread over adjacent sentences, below single-sentence hits, marked in each', () => {
    const outcome = found(searchTranscripts(seeded(), { q: 'talked checkpoints' }))
    expect(outcome.total).toBe(1)
    const [hit] = outcome.hits
    expect(hit?.sentence.text).toBe('We talked about the write ahead.')
    expect(
      hit?.passage?.sentences.map((s) => s.snippet.map((p) => (p.match ? `[${p.text}]` : p.text)).join('')),
    ).toEqual(['We [talked] about the write ahead.', 'Log and [checkpoints] came next.'])
  })

  it('match a quoted phrase across a sentence boundary', () => {
    const outcome = found(searchTranscripts(seeded(), { q: '"write ahead log"' }))
    expect(outcome.hits.map((hit) => hit.passage?.sentences.map((s) => s.text))).toEqual([
      ['We talked about the write ahead.', 'Log and checkpoints came next.'],
    ])
    expect(marked(outcome)).toEqual(['We talked about the [write ahead]. [Log] and checkpoints came next.'])
  })

  it('rank below sentences that hold every word', () => {
    const outcome = found(searchTranscripts(seeded(), { q: 'faster django' }))
    expect(outcome.hits.map((hit) => [hit.sentence.text, hit.passage?.sentences.length])).toEqual([
      ['Pyston is a faster Python.', 2],
    ])
    const both = found(searchTranscripts(seeded(), { q: 'python django' }))
    expect(both.hits.map((hit) => hit.passage?.sentences.length ?? 1)).toEqual([1, 2])
  })
})

describe('no dead ends', () => {
  it('shows matches for the other words and says which word found nothing', () => {
    const outcome = found(searchTranscripts(seeded(), { q: 'litestream zzqqxx', exact: false }))
    expect(outcome.relaxed).toEqual({ missing: ['zzqqxx'], dropped: ['zzqqxx'], query: 'litestream' })
    expect(texts(outcome)).toEqual(['Litestream streams the database to a bucket.'])
  })

  it('says which words found nothing when nothing at all is found', () => {
    expect(found(searchTranscripts(seeded(), { q: 'zzqqxx' }))).toMatchObject({
      total: 0,
      missing: ['zzqqxx'],
    })
  })
})

describe('after: and before:', () => {
  it('narrow by the episode publish date, from the start of a year, month or day', () => {
    const db = seeded()
    expect(texts(searchTranscripts(db, { q: 'replication after:2025' }))).toEqual([
      'Postgres replication with a standby.',
    ])
    expect(texts(searchTranscripts(db, { q: 'litestream before:2024-03-11 after:2024-03' }))).toHaveLength(1)
    expect(texts(searchTranscripts(db, { q: 'litestream before:2024-03-10' }))).toEqual([])
    expect(found(searchTranscripts(db, { q: 'after:2025-01' })).total).toBe(2)
  })

  it('refuse impossible dates and exclusions', () => {
    expect(compileSearchQuery('x after:2024-13')).toEqual({ ok: false, message: QUERY_MESSAGES.badDate })
    expect(compileSearchQuery('x -before:2024')).toEqual({ ok: false, message: QUERY_MESSAGES.negatedDate })
    expect(compileSearchQuery('x after:2024-02 after:2024-05')).toMatchObject({
      filters: { after: '2024-05-01' },
    })
  })
})
