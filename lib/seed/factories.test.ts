import { describe, expect, it } from 'vitest'
import { freshDatabase } from '../../tests/support/database'
import type { SqliteDatabase } from '../db/sqlite'
import { importTranscript } from '../import/import-transcript'
import { buildEpisode, buildSentences, buildShow, writeEpisode } from './factories'

const NOW = () => new Date('2026-11-02T10:00:00Z')

function rows(db: SqliteDatabase) {
  return {
    episodes: db
      .prepare(
        `SELECT e.slug, e.title, e.publishedAt, e.durationMs, e.sourceFormat, e.importedAt, s.slug AS show, s.title AS showTitle
         FROM Episode e JOIN Show s ON s.id = e.showId ORDER BY e.id`,
      )
      .all(),
    segments: db.prepare(`SELECT position, startMs, speaker FROM Segment ORDER BY id`).all(),
    sentences: db
      .prepare(`SELECT position, startMs, endMs, speaker, text, version, updatedAt FROM Sentence ORDER BY id`)
      .all(),
  }
}

describe('seed factories', () => {
  it('build a show, an episode and its sentences with defaults a caller overrides', () => {
    expect(buildShow({ slug: 'small-db' })).toEqual({ slug: 'small-db', title: 'Small Db' })
    expect(buildSentences(2)).toEqual([
      { startMs: 0, endMs: null, speaker: 'Ana', text: 'Sentence 1 is here.' },
      { startMs: 1000, endMs: null, speaker: 'Ana', text: 'Sentence 2 is here.' },
    ])
    expect(buildSentences(['One.', 'Two.'], { speaker: null, startMs: 500, stepMs: 250 })).toEqual([
      { startMs: 500, endMs: null, speaker: null, text: 'One.' },
      { startMs: 750, endMs: null, speaker: null, text: 'Two.' },
    ])
    const episode = buildEpisode({ slug: 'pilot' })
    expect(episode).toMatchObject({ slug: 'pilot', title: 'Pilot', publishedAt: null })
    expect(episode.transcript).toEqual({ sentences: buildSentences(3) })
    expect(buildEpisode().slug).not.toBe(buildEpisode().slug)
  })

  it('write the rows an import of the same transcript writes', () => {
    const show = buildShow({ slug: 'small-db', title: 'The Small Database Show' })
    const sentences = buildSentences(['Hello there.', 'Second thought.'], { stepMs: 3000 })
    const seeded = freshDatabase()
    const summary = writeEpisode(
      seeded,
      buildEpisode({
        show,
        slug: 'pilot',
        title: 'The pilot',
        publishedAt: new Date('2026-10-01T09:00:00Z'),
        transcript: { sentences },
      }),
      { now: NOW },
    )
    expect(summary).toMatchObject({ episodeSlug: 'pilot', showSlug: 'small-db', sentences: 2 })

    const imported = freshDatabase()
    const json = JSON.stringify({
      version: '1.0.0',
      segments: [
        { speaker: 'Ana', startTime: 0, endTime: 3, body: 'Hello there.' },
        { speaker: 'Ana', startTime: 3, endTime: 5, body: 'Second thought.' },
      ],
    })
    importTranscript(
      imported,
      { name: 'pilot.json', content: json },
      {
        showSlug: 'small-db',
        now: NOW,
        metadata: {
          showTitle: 'The Small Database Show',
          episodeTitle: 'The pilot',
          publishedAt: new Date('2026-10-01T09:00:00Z'),
        },
      },
    )
    expect(rows(seeded)).toEqual(rows(imported))
    expect(rows(seeded).sentences).toMatchObject([
      { startMs: 0, endMs: 3000, speaker: 'Ana', text: 'Hello there.', version: 1 },
      { startMs: 3000, endMs: 5000, speaker: 'Ana', text: 'Second thought.', version: 1 },
    ])
  })

  it('write a transcript file as it is, under the episode slug', () => {
    const db = freshDatabase()
    const content = 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Ben>From a file.\n'
    writeEpisode(db, buildEpisode({ slug: 'from-file', transcript: { file: { extension: 'vtt', content } } }))
    expect(db.prepare(`SELECT sourceName, sourceFormat FROM Episode`).get()).toEqual({
      sourceName: 'from-file.vtt',
      sourceFormat: 'vtt',
    })
    expect(db.prepare(`SELECT speaker, text FROM Sentence`).all()).toEqual([
      { speaker: 'Ben', text: 'From a file.' },
    ])
  })

  it('refuse built sentences the importer would read back as a different number of sentences', () => {
    const db = freshDatabase()
    expect(() =>
      writeEpisode(
        db,
        buildEpisode({ transcript: { sentences: buildSentences(['Two sentences. In one text.']) } }),
      ),
    ).toThrow(/1 sentences were built but the importer read 2/)
    expect(db.prepare(`SELECT count(*) AS n FROM Episode`).get()).toEqual({ n: 0 })
  })

  it('refuse a slug the importer would not derive from a file name', () => {
    expect(() => writeEpisode(freshDatabase(), buildEpisode({ slug: 'Not A Slug' }))).toThrow(
      /is not an episode slug the importer would derive \(try "not-a-slug"\)/,
    )
  })
})
