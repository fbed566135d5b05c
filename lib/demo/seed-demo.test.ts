import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { storedEpisodeAudio } from '../media/episode-audio'
import { freshDatabase } from '../../tests/support/database'
import { importTranscript } from '../import/import-transcript'
import { DEMO_SHOW, seedDemoData } from './seed-demo'

describe('the demo dataset', () => {
  it('loads two episodes of the demo show into an empty database', () => {
    const db = freshDatabase()
    expect(seedDemoData(db)).toBe(2)
    expect(
      db
        .prepare(
          `SELECT e.slug, e.title, s.slug AS show FROM Episode e JOIN Show s ON s.id = e.showId ORDER BY e.slug`,
        )
        .all(),
    ).toEqual([
      { slug: '001-sqlite-is-enough', title: 'Is SQLite enough?', show: DEMO_SHOW.slug },
      { slug: '002-streaming-backups', title: 'Streaming backups to a bucket', show: DEMO_SHOW.slug },
    ])
  })

  it('keeps a sentence that spans two "Starting point" blocks whole, in the block where it begins', () => {
    const db = freshDatabase()
    seedDemoData(db)
    const sentences = db
      .prepare(
        `SELECT s.text, g.startMs AS segmentStartMs FROM Sentence s JOIN Segment g ON g.id = s.segmentId
                JOIN Episode e ON e.id = s.episodeId WHERE e.slug = '002-streaming-backups' ORDER BY s.position`,
      )
      .all() as { text: string; segmentStartMs: number }[]
    expect(sentences.find((sentence) => sentence.text.startsWith('send you'))).toBeUndefined()
    expect(sentences.find((sentence) => sentence.text.includes('sign up for the newsletter'))).toEqual({
      text: "If you want the links we mention, sign up for the newsletter or we'll send you the show notes afterwards.",
      segmentStartMs: 0,
    })
    expect([...new Set(sentences.map((sentence) => sentence.segmentStartMs))]).toEqual([
      0, 21_000, 48_000, 79_000, 104_000, 132_000,
    ])
  })

  it('stores the first episode’s audio beside the database, so a fresh clone plays it', () => {
    const db = freshDatabase()
    seedDemoData(db)
    const rows = db.prepare(`SELECT id, slug, audioFile, audioType FROM Episode ORDER BY slug`).all() as {
      id: number
      slug: string
      audioFile: string | null
      audioType: string | null
    }[]
    expect(rows.map(({ slug, audioFile, audioType }) => ({ slug, audioFile, audioType }))).toEqual([
      { slug: '001-sqlite-is-enough', audioFile: 'audio.ogg', audioType: 'audio/ogg' },
      { slug: '002-streaming-backups', audioFile: null, audioType: null },
    ])
    const stored = storedEpisodeAudio(db, rows[0]!.id)
    expect(stored?.contentType).toBe('audio/ogg')
    expect(readFileSync(stored!.path)).toEqual(readFileSync('prisma/demo/001-sqlite-is-enough.opus'))
  })

  it('never loads into a database that already has episodes', () => {
    const db = freshDatabase()
    importTranscript(db, { name: 'mine.vtt', content: 'WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nMine.\n' })
    expect(seedDemoData(db)).toBe(0)
    expect(db.prepare(`SELECT slug FROM Episode`).all()).toEqual([{ slug: 'mine' }])
  })
})
