// Every path that writes sentence text cleans it and checks it (lib/sentences/sentence-text.ts):
// control characters never reach the table (search marks matches with U+0002/U+0003), and text
// a correction derives (a merge, a find/replace result) stays within the edit limit.
import { describe, expect, it } from 'vitest'
import { editSentenceHandler, mergeSentenceHandler } from '../../lib/api/correction-api'
import { replaceHandler } from '../../lib/api/episode-corrections-api'
import { acceptSuggestionHandler, createSuggestionHandler } from '../../lib/api/suggestion-api'
import { searchTranscripts } from '../../lib/search/search'
import { SENTENCE_MAX_LENGTH } from '../../lib/sentences/sentence-text'
import { apiRequest, freshApp, makeUser, type TestApp } from '../support/app-database'

const post = (token: string, body: unknown = {}) => apiRequest('POST', '/x', { token, body })

function edit(app: TestApp, id: number, token: string, body: unknown) {
  return editSentenceHandler(app, apiRequest('PATCH', '/x', { token, body }), String(id))
}

async function textOf(app: TestApp, id: number): Promise<string> {
  return (await app.db.sentence.findUniqueOrThrow({ where: { id } })).text
}

/** The highlighted words of the first hit for `q`. */
function highlighted(app: TestApp, q: string): string[] {
  const outcome = searchTranscripts(app.sqlite, { q })
  if (!outcome.ok) throw new Error(outcome.message)
  return outcome.hits[0]!.snippet.filter((part) => part.match).map((part) => part.text)
}

describe('control characters in corrections', () => {
  it('strips them from an accepted suggestion, so search highlights only the matched word', async () => {
    const app = await freshApp()
    const listener = await makeUser(app)
    const host = await makeUser(app, 'host')
    const id = app.sentenceIds[0]!
    const created = await createSuggestionHandler(
      app,
      post(listener.token, { text: 'Turso \u0002runs\u0003 here.' }),
      String(id),
    )
    expect(created.status).toBe(201)
    const { suggestion } = await created.json()
    expect((await acceptSuggestionHandler(app, post(host.token), String(suggestion.id))).status).toBe(200)
    expect(await textOf(app, id)).toBe('Turso runs here.')
    expect(highlighted(app, 'turso')).toEqual(['Turso'])
  })

  it('strips them from a host edit and from a find/replace result', async () => {
    const app = await freshApp()
    const host = await makeUser(app, 'host')
    const [first, second] = app.sentenceIds as [number, number]
    expect(
      (await edit(app, first, host.token, { text: 'Bell\u0007 and \u0003marker.', version: 1 })).status,
    ).toBe(200)
    expect(await textOf(app, first)).toBe('Bell and marker.')
    const replaced = await replaceHandler(
      app,
      post(host.token, { find: 'Second', replace: '\u0002Other\u0003', apply: true }),
      'ep-1',
    )
    expect((await replaced.json()).changes).toMatchObject([{ after: 'Other sentence.' }])
    expect(await textOf(app, second)).toBe('Other sentence.')
    expect(highlighted(app, 'other')).toEqual(['Other'])
  })

  it('refuses an edit that is nothing but control characters (422), and writes nothing', async () => {
    const app = await freshApp()
    const host = await makeUser(app, 'host')
    const id = app.sentenceIds[0]!
    const response = await edit(app, id, host.token, { text: '\u0002\u0003', version: 1 })
    expect(response.status).toBe(422)
    expect((await response.json()).error).toBe('A sentence cannot be empty.')
    expect(await textOf(app, id)).toBe('First sentence.')
  })
})

describe('derived text stays within the edit limit', () => {
  it('refuses a merge longer than the limit with 422 and writes nothing', async () => {
    const app = await freshApp()
    const host = await makeUser(app, 'host')
    const [first, second] = app.sentenceIds as [number, number]
    const long = `${'word '.repeat(300).trim()}.` // 1500 characters: each half is a valid edit
    expect((await edit(app, first, host.token, { text: long, version: 1 })).status).toBe(200)
    expect((await edit(app, second, host.token, { text: long, version: 1 })).status).toBe(200)
    const revisions = await app.db.revision.count()

    const merged = await mergeSentenceHandler(app, post(host.token, { version: 2 }), String(first))
    expect(merged.status).toBe(422)
    expect((await merged.json()).error).toBe(
      `The result would be ${long.length * 2 + 1} characters; a sentence can be at most ${SENTENCE_MAX_LENGTH}.`,
    )
    expect(await app.db.sentence.count({ where: { episodeId: app.episode.id } })).toBe(3)
    expect(await textOf(app, first)).toBe(long)
    expect(await textOf(app, second)).toBe(long)
    expect(await app.db.revision.count()).toBe(revisions)
  })

  it('refuses a find/replace whose result would be too long, at the preview and at apply', async () => {
    const app = await freshApp()
    const host = await makeUser(app, 'host')
    const id = app.sentenceIds[2]!
    const text = `Third ${'x'.repeat(SENTENCE_MAX_LENGTH - 12)} one.`
    expect((await edit(app, id, host.token, { text, version: 1 })).status).toBe(200)
    for (const apply of [false, true]) {
      const response = await replaceHandler(
        app,
        post(host.token, { find: 'one', replace: 'one and then some', apply }),
        'ep-1',
      )
      expect(response.status).toBe(422)
      expect((await response.json()).error).toMatch(
        new RegExp(`^Sentence ${id}: .*at most ${SENTENCE_MAX_LENGTH}`),
      )
    }
    expect(await textOf(app, id)).toBe(text)
    expect(await app.db.revision.count({ where: { kind: 'replace' } })).toBe(0)
  })
})
