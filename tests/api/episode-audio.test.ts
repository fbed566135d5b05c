// GET/HEAD /api/episodes/:slug/audio over a fresh database: a WAV the test writes is stored as
// the episode's audio (lib/media/episode-audio.ts), then served with Range support.
import { existsSync, readdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { episodeAudioHandler, NO_STORED_AUDIO } from '../../lib/api/audio-api'
import {
  clearEpisodeAudioFile,
  copyEpisodeAudioFile,
  setEpisodeAudioFile,
} from '../../lib/media/episode-audio'
import { episodeMediaFolder } from '../../lib/media/media-folder'
import { freshApp, type TestApp } from '../support/app-database'
import { TEST_ENGINE } from '../support/database'
import { testWav } from '../support/test-audio'

const WAV = testWav(1.5)

async function appWithAudio(): Promise<TestApp> {
  const app = await freshApp()
  const stored = await setEpisodeAudioFile(app.sqlite, {
    episodeId: app.episode.id,
    content: new Blob([WAV], { type: 'audio/wav' }),
    type: 'audio/wav',
  })
  expect(stored).toEqual({
    ok: true,
    value: {
      episodeId: app.episode.id,
      audioFile: 'audio.wav',
      audioType: 'audio/wav',
      audioBytes: WAV.length,
    },
  })
  return app
}

function get(app: TestApp, headers: Record<string, string> = {}, method = 'GET', slug = 'ep-1') {
  const request = new Request(`http://127.0.0.1:3999/api/episodes/${slug}/audio`, { method, headers })
  return episodeAudioHandler(app, request, slug)
}

async function bytes(response: Response): Promise<Uint8Array> {
  return new Uint8Array(await response.arrayBuffer())
}

describe('serving an episode’s stored audio', () => {
  it('sends the whole file with its length, type and validators', async () => {
    const app = await appWithAudio()
    const response = await get(app)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('audio/wav')
    expect(response.headers.get('accept-ranges')).toBe('bytes')
    expect(response.headers.get('content-length')).toBe(String(WAV.length))
    expect(response.headers.get('etag')).toMatch(/^"[0-9a-f]+-[0-9a-f]+"$/)
    expect(Date.parse(response.headers.get('last-modified') ?? '')).not.toBeNaN()
    expect(await bytes(response)).toEqual(WAV)
  })

  it('answers a byte range with 206, Content-Range and exactly those bytes', async () => {
    const app = await appWithAudio()
    const response = await get(app, { range: 'bytes=100-199' })
    expect(response.status).toBe(206)
    expect(response.headers.get('content-range')).toBe(`bytes 100-199/${WAV.length}`)
    expect(response.headers.get('content-length')).toBe('100')
    expect(await bytes(response)).toEqual(WAV.slice(100, 200))
  })

  it('answers an open range and a suffix range', async () => {
    const app = await appWithAudio()
    const open = await get(app, { range: `bytes=${WAV.length - 10}-` })
    expect(open.status).toBe(206)
    expect(open.headers.get('content-range')).toBe(`bytes ${WAV.length - 10}-${WAV.length - 1}/${WAV.length}`)
    expect(await bytes(open)).toEqual(WAV.slice(-10))
    const suffix = await get(app, { range: 'bytes=-44' })
    expect(suffix.status).toBe(206)
    expect(suffix.headers.get('content-range')).toBe(
      `bytes ${WAV.length - 44}-${WAV.length - 1}/${WAV.length}`,
    )
    expect(await bytes(suffix)).toEqual(WAV.slice(-44))
  })

  it('refuses a range past the end with 416 and the size', async () => {
    const app = await appWithAudio()
    const response = await get(app, { range: `bytes=${WAV.length}-` })
    expect(response.status).toBe(416)
    expect(response.headers.get('content-range')).toBe(`bytes */${WAV.length}`)
    expect((await bytes(response)).length).toBe(0)
  })

  it('answers HEAD with the headers and no body, for the whole file and for a range', async () => {
    const app = await appWithAudio()
    const whole = await get(app, {}, 'HEAD')
    expect(whole.status).toBe(200)
    expect(whole.headers.get('content-length')).toBe(String(WAV.length))
    expect(whole.headers.get('accept-ranges')).toBe('bytes')
    expect(whole.body).toBeNull()
    const range = await get(app, { range: 'bytes=0-0' }, 'HEAD')
    expect(range.status).toBe(206)
    expect(range.headers.get('content-range')).toBe(`bytes 0-0/${WAV.length}`)
    expect(range.body).toBeNull()
  })

  it('revalidates: 304 for a matching ETag; If-Range with another ETag gets the whole file', async () => {
    const app = await appWithAudio()
    const etag = (await get(app)).headers.get('etag')!
    expect((await get(app, { 'if-none-match': etag })).status).toBe(304)
    expect((await get(app, { 'if-none-match': '"other"' })).status).toBe(200)
    expect((await get(app, { range: 'bytes=0-9', 'if-range': etag })).status).toBe(206)
    const stale = await get(app, { range: 'bytes=0-9', 'if-range': '"other"' })
    expect(stale.status).toBe(200)
    expect(await bytes(stale)).toEqual(WAV)
  })

  it('says 404 for an unknown episode and for an episode without stored audio', async () => {
    const app = await appWithAudio()
    const unknown = await get(app, {}, 'GET', 'no-such-episode')
    expect(unknown.status).toBe(404)
    expect(await unknown.json()).toEqual({ error: 'That episode does not exist.' })
    const silent = await get(app, {}, 'GET', 'ep-2')
    expect(silent.status).toBe(404)
    expect(await silent.json()).toEqual({ error: NO_STORED_AUDIO })
  })

  it('never reads a path a client names: traversal slugs and a tampered file name find nothing', async () => {
    const app = await appWithAudio()
    // A file a traversal would reach from the media folder.
    writeFileSync(join(dirname(app.databasePath), 'secret.txt'), 'secret')
    for (const slug of [
      '../../secret.txt',
      '..%2F..%2Fsecret.txt',
      '%2e%2e/%2e%2e/secret.txt',
      'ep-1/../../secret.txt',
    ]) {
      const response = await get(app, {}, 'GET', slug)
      expect(response.status).toBe(404)
    }
    // Even a database row naming another file is refused: only names this app writes are served.
    app.sqlite
      .prepare(`UPDATE Episode SET audioFile = '../../../secret.txt' WHERE id = ?`)
      .run(app.episode.id)
    const tampered = await get(app)
    expect(tampered.status).toBe(404)
    expect(await tampered.json()).toEqual({ error: NO_STORED_AUDIO })
  })

  it('says 404 when the stored file has gone from the disk', async () => {
    const app = await appWithAudio()
    await clearEpisodeAudioFile(app.sqlite, app.episode.id)
    expect((await get(app)).status).toBe(404)
  })
})

describe('storing an episode’s audio', () => {
  it('refuses a file over the cap and an unknown type, leaving nothing behind', async () => {
    const app = await freshApp()
    const tooBig = await setEpisodeAudioFile(app.sqlite, {
      episodeId: app.episode.id,
      // A stream, so the size is only known while it is written.
      content: new Blob([WAV]).stream(),
      type: 'audio/wav',
      maxBytes: 1000,
    })
    expect(tooBig.ok).toBe(false)
    expect(!tooBig.ok && tooBig.failure).toMatchObject({
      error: 'invalid',
      fieldErrors: { audio: ['The audio file is larger than the limit of 1 kB (AUDIO_MAX_BYTES).'] },
    })
    const folder = episodeMediaFolder(app.databasePath, app.episode.id)
    expect(readdirSync(folder)).toEqual([])
    const text = await setEpisodeAudioFile(app.sqlite, {
      episodeId: app.episode.id,
      content: new TextEncoder().encode('<html>'),
      type: 'text/html',
    })
    expect(!text.ok && text.failure.error).toBe('invalid')
    const row = app.sqlite
      .prepare(`SELECT audioFile, audioBytes FROM Episode WHERE id = ?`)
      .get(app.episode.id)
    expect(row).toEqual({ audioFile: null, audioBytes: null })
  })

  it('replaces a stored file of another type and removes the old one; clearing deletes it', async () => {
    const app = await appWithAudio()
    const folder = episodeMediaFolder(app.databasePath, app.episode.id)
    const replaced = await setEpisodeAudioFile(app.sqlite, {
      episodeId: app.episode.id,
      content: new Uint8Array([1, 2, 3]),
      type: 'audio/mpeg',
    })
    expect(replaced.ok && replaced.value.audioFile).toBe('audio.mp3')
    expect(readdirSync(folder)).toEqual(['audio.mp3'])
    expect((await get(app)).headers.get('content-type')).toBe('audio/mpeg')
    expect(await clearEpisodeAudioFile(app.sqlite, app.episode.id)).toEqual({
      ok: true,
      value: { removed: true },
    })
    expect(existsSync(join(folder, 'audio.mp3'))).toBe(false)
    expect(await clearEpisodeAudioFile(app.sqlite, app.episode.id)).toEqual({
      ok: true,
      value: { removed: false },
    })
  })

  it('moves nothing when the row cannot be written: the old file and its row stay, no stray file', async () => {
    const app = await appWithAudio()
    const folder = episodeMediaFolder(app.databasePath, app.episode.id)
    // A plain trigger, not TEMP: sqld refuses TEMP objects, and this database is the test's own.
    app.sqlite.exec(`CREATE TRIGGER refuse_audio_file BEFORE UPDATE OF audioFile ON Episode
      BEGIN SELECT RAISE(ABORT, 'simulated write failure'); END`)
    await expect(
      setEpisodeAudioFile(app.sqlite, {
        episodeId: app.episode.id,
        content: new Uint8Array([1, 2, 3]),
        type: 'audio/mpeg',
      }),
    ).rejects.toThrow('simulated write failure')
    expect(readdirSync(folder)).toEqual(['audio.wav'])
    await expect(clearEpisodeAudioFile(app.sqlite, app.episode.id)).rejects.toThrow('simulated write failure')
    expect(readdirSync(folder)).toEqual(['audio.wav'])
    app.sqlite.exec(`DROP TRIGGER refuse_audio_file`)
    expect(await bytes(await get(app))).toEqual(WAV)
  })

  // On sqld a lock held by an idle connection is not held for long: after 5 s sqld rolls that
  // transaction back and hands the lock to the waiting writer (docs/decisions/0022), so a writer
  // there is not refused for another connection's idle lock. lib/db/write-transaction-server.test.ts
  // covers what busy means on sqld.
  it.skipIf(TEST_ENGINE === 'sqld')(
    'answers busy, deleting nothing, while another connection holds the write lock',
    async () => {
      const app = await appWithAudio()
      const folder = episodeMediaFolder(app.databasePath, app.episode.id)
      const other = app.connect()
      other.exec('BEGIN IMMEDIATE')
      try {
        expect(await clearEpisodeAudioFile(app.sqlite, app.episode.id)).toMatchObject({
          ok: false,
          failure: { error: 'busy' },
        })
      } finally {
        other.exec('ROLLBACK')
        other.close()
      }
      expect(readdirSync(folder)).toEqual(['audio.wav'])
      expect(await bytes(await get(app))).toEqual(WAV)
    },
    15_000,
  )

  it('copies a local file (the demo seed’s way) and 404s an unknown episode', async () => {
    const app = await freshApp()
    const source = join(dirname(app.databasePath), 'source.wav')
    writeFileSync(source, WAV)
    const copied = copyEpisodeAudioFile(app.sqlite, {
      episodeId: app.episode.id,
      path: source,
      type: 'audio/x-wav',
    })
    expect(copied.ok && copied.value).toMatchObject({ audioFile: 'audio.wav', audioBytes: WAV.length })
    expect(await bytes(await get(app))).toEqual(WAV)
    expect(copyEpisodeAudioFile(app.sqlite, { episodeId: 999_999, path: source, type: 'audio/wav' })).toEqual(
      {
        ok: false,
        failure: { error: 'not-found', what: 'episode' },
      },
    )
  })
})
