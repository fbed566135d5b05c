import { describe, expect, it } from 'vitest'
import { freshDatabase } from '../../tests/support/database'
import { importTranscript, ImportError } from './import-transcript'
import type { SqliteDatabase } from '@/lib/db/sqlite'

const VTT = `WEBVTT

00:00:00.000 --> 00:00:04.000
<v Ana>Welcome to the show. Today we talk about

00:00:04.000 --> 00:00:08.000
<v Ana>write-ahead logs and why they matter.

00:00:08.000 --> 00:00:12.000
<v Ben>They matter a lot. Readers never block writers.
`

const FIXED_NOW = () => new Date('2026-11-01T10:00:00.000Z')

function rows(db: SqliteDatabase, sql: string, ...params: unknown[]) {
  return db.prepare(sql).all(...params) as Record<string, unknown>[]
}

function count(db: SqliteDatabase, table: string): number {
  return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
}

describe('importing one transcript file', () => {
  it('writes the show, the episode, segments by speaker turn and whole sentences', () => {
    const db = freshDatabase()
    const summary = importTranscript(
      db,
      { name: '054_wal_mode.vtt', content: VTT },
      { showSlug: 'db-talk', now: FIXED_NOW },
    )

    expect(summary).toMatchObject({
      episodeSlug: '054-wal-mode',
      showSlug: 'db-talk',
      format: 'vtt',
      cues: 3,
      sentences: 4,
      segments: 2,
      speakers: ['Ana', 'Ben'],
      replaced: false,
    })
    expect(rows(db, `SELECT slug, title FROM Show`)).toEqual([{ slug: 'db-talk', title: 'Db Talk' }])
    expect(
      rows(db, `SELECT slug, title, sourceFormat, sourceName, durationMs, importedAt FROM Episode`),
    ).toEqual([
      {
        slug: '054-wal-mode',
        title: '054 Wal Mode',
        sourceFormat: 'vtt',
        sourceName: '054_wal_mode.vtt',
        durationMs: 12_000,
        importedAt: '2026-11-01T10:00:00.000Z',
      },
    ])
    expect(rows(db, `SELECT position, startMs, speaker FROM Segment ORDER BY position`)).toEqual([
      { position: 0, startMs: 0, speaker: 'Ana' },
      { position: 1, startMs: 8_000, speaker: 'Ben' },
    ])
    const sentences = rows(db, `SELECT position, speaker, text FROM Sentence ORDER BY position`)
    expect(sentences.map((sentence) => sentence.text)).toEqual([
      'Welcome to the show.',
      'Today we talk about write-ahead logs and why they matter.',
      'They matter a lot.',
      'Readers never block writers.',
    ])
    expect(sentences.map((sentence) => sentence.position)).toEqual([0, 1, 2, 3])
  })

  it('makes the sentences searchable at once', () => {
    const db = freshDatabase()
    importTranscript(db, { name: 'ep.vtt', content: VTT })
    const found = rows(
      db,
      `SELECT s.text FROM SentenceFts JOIN Sentence s ON s.id = SentenceFts.rowid WHERE SentenceFts MATCH '"readers"'`,
    )
    expect(found).toEqual([{ text: 'Readers never block writers.' }])
  })

  it('refuses to import an episode that already has a transcript, and changes nothing', () => {
    const db = freshDatabase()
    importTranscript(db, { name: 'ep.vtt', content: VTT })
    const before = rows(db, `SELECT id, text FROM Sentence ORDER BY id`)
    expect(() => importTranscript(db, { name: 'ep.vtt', content: VTT })).toThrow(
      new ImportError('episode "ep" already has a transcript; use --replace to replace it'),
    )
    expect(rows(db, `SELECT id, text FROM Sentence ORDER BY id`)).toEqual(before)
  })

  it('replaces the transcript with --replace, keeping the episode row', () => {
    const db = freshDatabase()
    importTranscript(db, { name: 'ep.vtt', content: VTT })
    const episodeId = rows(db, `SELECT id FROM Episode`)[0]!.id
    const replacement = VTT.replace('Readers never block writers.', 'Writers never block readers.')
    const summary = importTranscript(db, { name: 'ep.vtt', content: replacement }, { replace: true })
    expect(summary.replaced).toBe(true)
    expect(rows(db, `SELECT id FROM Episode`)).toEqual([{ id: episodeId }])
    expect(count(db, 'Sentence')).toBe(4)
    expect(
      rows(db, `SELECT rowid FROM SentenceFts WHERE SentenceFts MATCH '"writers" NOT "readers"'`),
    ).toEqual([])
    db.exec(`INSERT INTO SentenceFts(SentenceFts) VALUES ('integrity-check')`)
  })

  it('refuses an episode slug that belongs to another show', () => {
    const db = freshDatabase()
    importTranscript(db, { name: 'ep.vtt', content: VTT }, { showSlug: 'one' })
    expect(() =>
      importTranscript(db, { name: 'ep.vtt', content: VTT }, { showSlug: 'two', replace: true }),
    ).toThrow(/already exists in another show/)
    expect(rows(db, `SELECT slug FROM Show`)).toEqual([{ slug: 'one' }])
  })

  it.each([
    ['an empty file', ''],
    ['a binary file', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0xff, 0xfe])],
    ['a truncated JSON transcript', '{"version":"1.0.0","segments":[{"startTime":1,"endTime":2,"bo'],
    // (A cue that ends before it starts keeps its text now: only timings that do not parse fail.)
    ['a file whose every cue timing is unreadable', 'WEBVTT\n\n00:00:05 --> 00:00:01.000\nNo millis.\n'],
  ])('rejects %s and writes nothing', (_label, content) => {
    const db = freshDatabase()
    expect(() => importTranscript(db, { name: 'bad.vtt', content })).toThrow()
    expect([count(db, 'Show'), count(db, 'Episode'), count(db, 'Segment'), count(db, 'Sentence')]).toEqual([
      0, 0, 0, 0,
    ])
  })

  it('checks everything but writes nothing on a dry run', () => {
    const db = freshDatabase()
    const summary = importTranscript(db, { name: 'ep.vtt', content: VTT }, { dryRun: true })
    expect(summary.sentences).toBe(4)
    expect([count(db, 'Show'), count(db, 'Episode'), count(db, 'Sentence')]).toEqual([0, 0, 0])
  })

  it('strips control characters so they cannot collide with snippet markers', () => {
    const db = freshDatabase()
    // Escaped in JSON, so the file itself holds no control bytes and passes the binary check.
    const json =
      '{"version":"1.0.0","segments":[{"startTime":0,"endTime":2,"body":"Bell\\u0007 and \\u0002marker."}]}'
    importTranscript(db, { name: 'ep.json', content: json })
    expect(rows(db, `SELECT text FROM Sentence`)).toEqual([{ text: 'Bell and marker.' }])
  })
})
