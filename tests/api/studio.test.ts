// The hosts' use cases without the command line (issue 10 item 5): shows and episodes by hand,
// metadata, transcript and audio uploads, through their operations and JSON handlers. Only hosts
// may; a bad upload is refused with a clear message and changes nothing; replacing a transcript
// keeps its comments (the importer's alignment, as `import --replace`).
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import type { Caller } from '../../lib/auth/caller'
import { createComment } from '../../lib/comments/operations'
import { uploadEpisodeAudio } from '../../lib/episodes/audio-upload'
import { createEpisode, setEpisodeAudioUrl, updateEpisode } from '../../lib/episodes/operations'
import { uploadTranscript, type TranscriptFile } from '../../lib/episodes/transcript-upload'
import {
  createEpisodeHandler,
  createShowHandler,
  patchEpisodeHandler,
  putAudioHandler,
  putTranscriptHandler,
} from '../../lib/api/studio-api'
import { createShow } from '../../lib/shows/operations'
import { apiRequest, freshApp, makeUser, type TestApp } from '../support/app-database'
import { testWav } from '../support/test-audio'

function as(app: TestApp, caller: Caller | null) {
  return { db: app.db, sqlite: app.sqlite, policy: app.policy, caller, ip: '203.0.113.7' }
}

const VTT = readFileSync(new URL('../fixtures/transcripts/episode.vtt', import.meta.url))

function file(
  name: string,
  content: string | Uint8Array,
): TranscriptFile & { read: ReturnType<typeof vi.fn> } {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content
  return { name, size: bytes.length, read: vi.fn(async () => bytes) }
}

async function episodeRow(app: TestApp, slug: string) {
  return app.db.episode.findUniqueOrThrow({
    where: { slug },
    include: { sentences: { orderBy: { position: 'asc' } }, show: true },
  })
}

describe('who may use the studio operations', () => {
  it('refuses signed-out callers (401), listeners (403) and banned hosts, and changes nothing', async () => {
    const app = await freshApp()
    const listener = await makeUser(app)
    const host = await makeUser(app, 'host')
    const banned = { ...host.caller, bannedAt: new Date() }
    const showBody = { title: 'Hand made' }
    const vtt = () => file('new.vtt', 'WEBVTT\n\n00:00.000 --> 00:02.000\nReplaced.\n')
    const attempts = (caller: Caller | null) => [
      createShow(as(app, caller), showBody),
      createEpisode(as(app, caller), { showSlug: 'show', body: { title: 'New' } }),
      updateEpisode(as(app, caller), { slug: 'ep-1', body: { title: 'Changed' } }),
      setEpisodeAudioUrl(as(app, caller), { slug: 'ep-1', body: { audioUrl: 'https://cdn.example/a.mp3' } }),
      uploadTranscript(as(app, caller), { slug: 'ep-1', file: vtt() }),
      uploadEpisodeAudio(as(app, caller), {
        slug: 'ep-1',
        type: 'audio/wav',
        declaredBytes: null,
        content: testWav(0.1),
      }),
    ]
    for (const result of await Promise.all(attempts(null)))
      expect(result).toEqual({ ok: false, failure: { error: 'unauthenticated' } })
    for (const result of await Promise.all(attempts(listener.caller)))
      expect(result).toEqual({ ok: false, failure: { error: 'forbidden', need: 'host' } })
    for (const result of await Promise.all(attempts(banned)))
      expect(result).toEqual({ ok: false, failure: { error: 'banned' } })
    expect(await app.db.show.count()).toBe(1)
    const episode = await episodeRow(app, 'ep-1')
    expect(episode).toMatchObject({ title: 'Episode one', audioUrl: null, audioFile: null })
    expect(episode.sentences.map((sentence) => sentence.text)).toEqual([
      'First sentence.',
      'Second sentence.',
      'Third one.',
    ])
  })

  it('answers the JSON API with 401 and 403', async () => {
    const app = await freshApp()
    const listener = await makeUser(app)
    const post = (token?: string) =>
      createShowHandler(app, apiRequest('POST', '/api/shows', { token, body: { title: 'Nope' } }))
    expect((await post()).status).toBe(401)
    const forbidden = await post(listener.token)
    expect(forbidden.status).toBe(403)
    expect(await forbidden.json()).toEqual({ error: 'Only hosts can do that.' })
  })
})

describe('shows and episodes by hand', () => {
  it('creates a show (slug from the title when blank) and refuses a taken or malformed slug', async () => {
    const app = await freshApp()
    const host = await makeUser(app, 'host')
    const ctx = as(app, host.caller)
    expect(await createShow(ctx, { title: 'Tide Pools & Crabs!', slug: '', description: 'Rocks.' })).toEqual({
      ok: true,
      value: { show: { slug: 'tide-pools-crabs', title: 'Tide Pools & Crabs!' } },
    })
    expect(await app.db.show.findUnique({ where: { slug: 'tide-pools-crabs' } })).toMatchObject({
      description: 'Rocks.',
      feedUrl: null,
    })
    expect(await createShow(ctx, { title: 'Again', slug: 'tide-pools-crabs' })).toMatchObject({
      ok: false,
      failure: { error: 'invalid', fieldErrors: { slug: [expect.stringContaining('already exists')] } },
    })
    for (const slug of ['Has Caps', 'double--hyphen', '-edge', 'ünïcode', 'a'.repeat(121)])
      expect(await createShow(ctx, { title: 'Bad', slug })).toMatchObject({
        ok: false,
        failure: { error: 'invalid', fieldErrors: { slug: [expect.any(String)] } },
      })
    expect(await createShow(ctx, { title: '' })).toMatchObject({
      ok: false,
      failure: { error: 'invalid', fieldErrors: { title: ['A title is required.'] } },
    })
    expect(await createShow(ctx, { title: '???' })).toMatchObject({
      ok: false,
      failure: { error: 'invalid', fieldErrors: { slug: [expect.stringContaining('type a slug')] } },
    })
    expect(await createShow(ctx, { title: 'Extra', owner: 'me' })).toMatchObject({
      ok: false,
      failure: { error: 'invalid' },
    })
    expect(await app.db.show.count()).toBe(2)
  })

  it('creates an episode in a show, with a publish date; 404 for an unknown show; episode slugs are unique', async () => {
    const app = await freshApp()
    const host = await makeUser(app, 'host')
    const ctx = as(app, host.caller)
    const body = { title: 'Crabs at dawn', publishedAt: '2026-11-20', description: 'Early.' }
    expect(await createEpisode(ctx, { showSlug: 'show', body })).toEqual({
      ok: true,
      value: { episode: { slug: 'crabs-at-dawn', title: 'Crabs at dawn', showSlug: 'show' } },
    })
    const created = await episodeRow(app, 'crabs-at-dawn')
    expect(created.publishedAt?.toISOString()).toBe('2026-11-20T00:00:00.000Z')
    expect(created).toMatchObject({ description: 'Early.', sentences: [], commentsEnabled: true })
    expect(await createEpisode(ctx, { showSlug: 'nope', body })).toEqual({
      ok: false,
      failure: { error: 'not-found', what: 'show' },
    })
    expect(await createEpisode(ctx, { showSlug: 'show', body: { title: 'x', slug: 'ep-2' } })).toMatchObject({
      ok: false,
      failure: { error: 'invalid', fieldErrors: { slug: [expect.stringContaining('unique across shows')] } },
    })
    expect(
      await createEpisode(ctx, { showSlug: 'show', body: { title: 'x', publishedAt: '20/11/2026' } }),
    ).toMatchObject({
      ok: false,
      failure: { error: 'invalid', fieldErrors: { publishedAt: [expect.any(String)] } },
    })

    const response = await createEpisodeHandler(
      app,
      apiRequest('POST', '/api/shows/show/episodes', { token: host.token, body: { title: 'By API' } }),
      'show',
    )
    expect(response.status).toBe(201)
    expect(await response.json()).toEqual({ episode: { slug: 'by-api', title: 'By API', showSlug: 'show' } })
  })

  it('edits metadata: absent fields stay, null clears, an unchanged description keeps the feed HTML', async () => {
    const app = await freshApp()
    const host = await makeUser(app, 'host')
    const ctx = as(app, host.caller)
    await app.db.episode.update({
      where: { slug: 'ep-1' },
      data: {
        description: 'Notes',
        descriptionHtml: '<p>Notes</p>',
        season: 2,
        publishedAt: new Date('2026-01-01'),
      },
    })
    const result = await updateEpisode(ctx, {
      slug: 'ep-1',
      body: { title: 'Renamed', description: 'Notes', publishedAt: null, episodeNumber: 7 },
    })
    expect(result).toEqual({
      ok: true,
      value: { episode: { slug: 'ep-1', title: 'Renamed', showSlug: 'show' } },
    })
    expect(await episodeRow(app, 'ep-1')).toMatchObject({
      title: 'Renamed',
      description: 'Notes',
      descriptionHtml: '<p>Notes</p>',
      publishedAt: null,
      season: 2,
      episodeNumber: 7,
    })
    await updateEpisode(ctx, { slug: 'ep-1', body: { description: 'New notes' } })
    expect(await episodeRow(app, 'ep-1')).toMatchObject({ description: 'New notes', descriptionHtml: '' })
    expect(await updateEpisode(ctx, { slug: 'ep-1', body: {} })).toMatchObject({
      ok: false,
      failure: { error: 'invalid' },
    })
    expect(
      await updateEpisode(ctx, { slug: 'ep-1', body: { artworkUrl: 'javascript:alert(1)' } }),
    ).toMatchObject({
      ok: false,
      failure: { error: 'invalid', fieldErrors: { artworkUrl: [expect.any(String)] } },
    })
    expect(await updateEpisode(ctx, { slug: 'nope', body: { title: 'x' } })).toEqual({
      ok: false,
      failure: { error: 'not-found', what: 'episode' },
    })
  })

  it('PATCH /api/episodes/:slug still switches comments alone, and edits metadata otherwise', async () => {
    const app = await freshApp()
    const host = await makeUser(app, 'host')
    const patch = (body: unknown) =>
      patchEpisodeHandler(app, apiRequest('PATCH', '/api/episodes/ep-1', { token: host.token, body }), 'ep-1')
    expect((await patch({ commentsEnabled: false })).status).toBe(200)
    expect((await patch({ title: 'Via PATCH' })).status).toBe(200)
    expect((await patch({ title: 'Both', commentsEnabled: true })).status).toBe(400)
    expect(await episodeRow(app, 'ep-1')).toMatchObject({ title: 'Via PATCH', commentsEnabled: false })
  })
})

describe('transcript uploads', () => {
  it('imports a file into an episode without a transcript, with the importer report', async () => {
    const app = await freshApp()
    const host = await makeUser(app, 'host')
    const ctx = as(app, host.caller)
    await createEpisode(ctx, { showSlug: 'show', body: { title: 'Tidepool', slug: 'tidepool' } })
    const result = await uploadTranscript(ctx, { slug: 'tidepool', file: file('Episode 12.vtt', VTT) })
    expect(result).toMatchObject({
      ok: true,
      value: {
        episodeSlug: 'tidepool',
        fileName: 'Episode 12.vtt',
        format: 'vtt',
        replaced: false,
        conflicts: [],
      },
    })
    if (!result.ok) throw new Error('unreachable')
    expect(result.value.repairs.length).toBeGreaterThan(0)
    expect(result.value.speakers).toEqual(['Ana Reyes', 'Tom Okafor'])
    const episode = await episodeRow(app, 'tidepool')
    expect(episode.sentences[0]!.text).toBe('Welcome back to Tidepool Radio.')
    // The episode keeps its slug, title and show whatever the file is called.
    expect(episode).toMatchObject({ title: 'Tidepool', sourceName: 'Episode 12.vtt', show: { slug: 'show' } })
  })

  it('replaces a transcript keeping sentence ids and their comments', async () => {
    const app = await freshApp()
    const host = await makeUser(app, 'host')
    const listener = await makeUser(app)
    const [first, second, third] = app.sentenceIds
    const comment = await createComment(as(app, listener.caller), {
      sentenceId: second,
      body: { body: 'Nice.' },
    })
    expect(comment.ok).toBe(true)
    const corrected =
      'WEBVTT\n\n00:00.000 --> 00:01.000\nFirst sentence.\n\n00:01.000 --> 00:02.000\nSecond sentence!\n\n00:02.000 --> 00:03.000\nThird one.\n'
    const result = await uploadTranscript(as(app, host.caller), {
      slug: 'ep-1',
      file: file('ep-1.vtt', corrected),
    })
    expect(result).toMatchObject({ ok: true, value: { replaced: true, sentences: 3 } })
    const episode = await episodeRow(app, 'ep-1')
    expect(episode.sentences.map((sentence) => [sentence.id, sentence.text])).toEqual([
      [first, 'First sentence.'],
      [second, 'Second sentence!'],
      [third, 'Third one.'],
    ])
    expect(await app.db.comment.findMany({ select: { sentenceId: true, body: true } })).toEqual([
      { sentenceId: second, body: 'Nice.' },
    ])
  })

  it('refuses bad files with a clear message and changes nothing', async () => {
    const app = await freshApp()
    const host = await makeUser(app, 'host')
    const ctx = as(app, host.caller)
    const before = (await episodeRow(app, 'ep-1')).sentences

    const huge = file('huge.vtt', 'WEBVTT\n')
    huge.size = 10_000_001
    expect(await uploadTranscript(ctx, { slug: 'ep-1', file: huge })).toMatchObject({
      ok: false,
      failure: {
        error: 'invalid',
        fieldErrors: { transcript: [expect.stringContaining('larger than the limit')] },
      },
    })
    // Refused on the declared size: the body was never read.
    expect(huge.read).not.toHaveBeenCalled()

    const undeclared = { name: 'x.vtt', size: null, read: vi.fn(async () => null) }
    expect(await uploadTranscript(ctx, { slug: 'ep-1', file: undeclared }, { maxBytes: 5 })).toMatchObject({
      ok: false,
      failure: { error: 'invalid' },
    })
    expect(undeclared.read).toHaveBeenCalledWith(5)

    const cases: [TranscriptFile, RegExp][] = [
      [file('empty.vtt', ''), /empty/],
      [file('', 'WEBVTT\n'), /Choose a transcript file/],
      [file('binary.vtt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3])), /./],
      [file('nothing.vtt', 'WEBVTT\n\n'), /no sentences|no cues/i],
      [file('broken.json', '{"segments": [{"body": 7}'), /./],
    ]
    for (const [bad, message] of cases) {
      const result = await uploadTranscript(ctx, { slug: 'ep-1', file: bad })
      expect(result.ok).toBe(false)
      if (result.ok) continue
      expect(['invalid', 'unprocessable']).toContain(result.failure.error)
      expect(JSON.stringify(result.failure)).toMatch(message)
    }
    expect((await episodeRow(app, 'ep-1')).sentences).toEqual(before)
  })

  it('PUT /api/episodes/:slug/transcript takes the bare file with its Content-Type', async () => {
    const app = await freshApp()
    const host = await makeUser(app, 'host')
    const put = (contentType: string, body: string, token = host.token) => {
      const request = apiRequest('PUT', '/api/episodes/ep-2/transcript?fileName=ep2.vtt', {
        token,
        rawBody: body,
      })
      request.headers.set('content-type', contentType)
      return putTranscriptHandler(app, request, 'ep-2')
    }
    const ok = await put('text/vtt', 'WEBVTT\n\n00:00.000 --> 00:02.000\nSomewhere else.\n')
    expect(ok.status).toBe(200)
    expect((await ok.json()).report).toMatchObject({ fileName: 'ep2.vtt', replaced: true, sentences: 1 })
    expect((await put('application/x-www-form-urlencoded', 'a=%ff')).status).toBe(400)
    expect((await put('text/vtt', 'WEBVTT\n', '')).status).toBe(401)
    expect((await episodeRow(app, 'ep-2')).sentences.map((sentence) => sentence.text)).toEqual([
      'Somewhere else.',
    ])
  })
})

describe('audio', () => {
  it('stores an uploaded WAV beside the database and serves it from the episode', async () => {
    const app = await freshApp()
    const host = await makeUser(app, 'host')
    const ctx = as(app, host.caller)
    const audio = testWav(0.1)
    const result = await uploadEpisodeAudio(ctx, {
      slug: 'ep-1',
      type: 'audio/wav',
      declaredBytes: audio.length,
      content: audio,
    })
    expect(result).toEqual({
      ok: true,
      value: { audioType: 'audio/wav', audioBytes: audio.length, audioUrl: '/api/episodes/ep-1/audio' },
    })
    const episode = await episodeRow(app, 'ep-1')
    expect(episode).toMatchObject({ audioFile: 'audio.wav', audioBytes: audio.length })
    const stored = join(dirname(app.databasePath), 'media', 'episodes', String(episode.id), 'audio.wav')
    expect(readFileSync(stored)).toEqual(Buffer.from(audio))

    // An audio address instead: the stored file goes.
    expect(
      await setEpisodeAudioUrl(ctx, { slug: 'ep-1', body: { audioUrl: 'https://cdn.example/ep1.mp3' } }),
    ).toEqual({ ok: true, value: { audioUrl: 'https://cdn.example/ep1.mp3' } })
    expect(await episodeRow(app, 'ep-1')).toMatchObject({
      audioFile: null,
      audioUrl: 'https://cdn.example/ep1.mp3',
      audioType: 'audio/mpeg',
    })
    expect(existsSync(stored)).toBe(false)
  })

  it('keeps the stored file and the row when setting an audio address fails half-way', async () => {
    const app = await freshApp()
    const host = await makeUser(app, 'host')
    const ctx = as(app, host.caller)
    const audio = testWav(0.1)
    await uploadEpisodeAudio(ctx, {
      slug: 'ep-1',
      type: 'audio/wav',
      declaredBytes: audio.length,
      content: audio,
    })
    const episode = await episodeRow(app, 'ep-1')
    const stored = join(dirname(app.databasePath), 'media', 'episodes', String(episode.id), 'audio.wav')
    // The audioUrl write fails (as a busy answer would) after the stored file was forgotten.
    // A plain trigger, not TEMP: sqld refuses TEMP objects, and this database is the test's own.
    app.sqlite.exec(`CREATE TRIGGER refuse_audio_url BEFORE UPDATE OF audioUrl ON Episode
      BEGIN SELECT RAISE(ABORT, 'simulated write failure'); END`)
    await expect(
      setEpisodeAudioUrl(ctx, { slug: 'ep-1', body: { audioUrl: 'https://cdn.example/ep1.mp3' } }),
    ).rejects.toThrow('simulated write failure')
    expect(await episodeRow(app, 'ep-1')).toMatchObject({ audioFile: 'audio.wav', audioUrl: null })
    expect(readFileSync(stored)).toEqual(Buffer.from(audio))
  })

  it('refuses a file that is not the audio it claims, one over the cap, and an unknown type, storing nothing', async () => {
    const app = await freshApp()
    const host = await makeUser(app, 'host')
    const ctx = as(app, host.caller)
    const upload = (type: string, content: Uint8Array, declaredBytes: number | null = content.length) =>
      uploadEpisodeAudio(ctx, { slug: 'ep-1', type, declaredBytes, content }, { maxBytes: 1000 })
    const text = new TextEncoder().encode('this is not audio at all, only text')
    expect(await upload('audio/mpeg', text)).toMatchObject({
      ok: false,
      failure: { error: 'invalid', fieldErrors: { audio: [expect.stringContaining('not MP3 audio')] } },
    })
    expect(await upload('audio/wav', testWav(0.25))).toMatchObject({
      ok: false,
      failure: {
        error: 'invalid',
        fieldErrors: { audio: [expect.stringContaining('larger than the limit')] },
      },
    })
    // Not declared: counted while streaming.
    expect(await upload('audio/wav', testWav(0.25), null)).toMatchObject({
      ok: false,
      failure: {
        error: 'invalid',
        fieldErrors: { audio: [expect.stringContaining('larger than the limit')] },
      },
    })
    expect(await upload('text/plain', testWav(0.1))).toMatchObject({
      ok: false,
      failure: { error: 'invalid' },
    })
    expect(await upload('audio/wav', new Uint8Array())).toMatchObject({
      ok: false,
      failure: { error: 'invalid' },
    })
    const episode = await episodeRow(app, 'ep-1')
    expect(episode).toMatchObject({ audioFile: null, audioBytes: null })
    expect(
      existsSync(join(dirname(app.databasePath), 'media', 'episodes', String(episode.id), 'audio.wav')),
    ).toBe(false)
  })

  it('PUT /api/episodes/:slug/audio streams a body, takes JSON { audioUrl }, and refuses other sites', async () => {
    const app = await freshApp()
    const host = await makeUser(app, 'host')
    const listener = await makeUser(app)
    const put = (body: BodyInit, contentType: string, token?: string, extra: Record<string, string> = {}) =>
      putAudioHandler(
        app,
        new Request('http://127.0.0.1:3999/api/episodes/ep-1/audio', {
          method: 'PUT',
          headers: {
            'content-type': contentType,
            ...(token ? { authorization: `Bearer ${token}` } : {}),
            ...extra,
          },
          body,
        }),
        'ep-1',
      )
    const stored = await put(Buffer.from(testWav(0.1)), 'audio/wav', host.token)
    expect(stored.status).toBe(200)
    expect(stored.headers.get('x-content-type-options')).toBe('nosniff')
    expect((await put(Buffer.from(testWav(0.1)), 'audio/wav', listener.token)).status).toBe(403)
    expect((await put(Buffer.from(testWav(0.1)), 'audio/wav')).status).toBe(401)
    expect((await put('{"audioUrl":"ftp://x/y.mp3"}', 'application/json', host.token)).status).toBe(400)
    const crossSite = await put(Buffer.from(testWav(0.1)), 'audio/wav', undefined, {
      cookie: 'better-auth.session_token=abc',
      origin: 'http://evil.example',
    })
    expect(crossSite.status).toBe(403)
    expect(await episodeRow(app, 'ep-1')).toMatchObject({ audioFile: 'audio.wav', audioUrl: null })
  })
})
