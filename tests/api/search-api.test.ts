// GET /api/search's new parameters: sort, episode and all, validated at the edge.
import { describe, expect, it } from 'vitest'
import { searchGet } from '../../lib/api/search-api'
import { freshApp } from '../support/app-database'

async function get(app: Awaited<ReturnType<typeof freshApp>>, query: string) {
  const response = await searchGet(new Request(`http://127.0.0.1:3999/api/search?${query}`), app)
  return { status: response.status, body: await response.json() }
}

describe('GET /api/search parameters', () => {
  it('refuses a bad sort, all, or episode with the reason', async () => {
    const app = await freshApp()
    expect(await get(app, 'q=sentence&sort=newest')).toEqual({
      status: 400,
      body: { error: 'sort must be relevance or date' },
    })
    expect(await get(app, 'q=sentence&all=1')).toEqual({
      status: 400,
      body: { error: 'all=1 needs episode' },
    })
    expect(await get(app, 'q=sentence&episode=ep-1&all=yes')).toEqual({
      status: 400,
      body: { error: 'all must be 0 or 1' },
    })
    expect((await get(app, `q=sentence&episode=${'x'.repeat(201)}`)).status).toBe(400)
    expect((await get(app, 'q=sentence&episode=')).status).toBe(400)
    expect(await get(app, 'q=sentence&episode=no-such-episode')).toEqual({
      status: 404,
      body: { error: 'That episode does not exist.' },
    })
    expect(await get(app, 'q=&episode=ep-1&all=1')).toMatchObject({ status: 400 })
  })

  it('lists every matching sentence of one episode in transcript order with all=1', async () => {
    const app = await freshApp()
    const [first, second] = app.sentenceIds
    expect(await get(app, 'q=sentence&episode=ep-1&all=1')).toEqual({
      status: 200,
      body: { total: 2, sentenceIds: [first, second] },
    })
    // The episode scope holds: "elsewhere" is only in episode two.
    expect(await get(app, 'q=elsewhere&episode=ep-1&all=1')).toEqual({
      status: 200,
      body: { total: 0, sentenceIds: [] },
    })
  })

  it('pages hits inside one episode, and orders hits by date with sort=date', async () => {
    const app = await freshApp()
    const inEpisode = await get(app, 'q=sentence&episode=ep-1&sort=date&limit=1&offset=1')
    expect(inEpisode.status).toBe(200)
    expect(inEpisode.body.total).toBe(2)
    expect(inEpisode.body.hits.map((hit: { sentence: { id: number } }) => hit.sentence.id)).toEqual([
      app.sentenceIds[1],
    ])
    expect(inEpisode.body.hits[0].snippet).toContain('<mark>')
    const byDate = await get(app, 'q=sentence&sort=date')
    expect(byDate.status).toBe(200)
    expect(byDate.body.total).toBe(2)
    expect(byDate.body.hits.every((hit: { episode: { slug: string } }) => hit.episode.slug === 'ep-1')).toBe(
      true,
    )
  })
})
