import { describe, expect, it, vi } from 'vitest'
import { cachedCard } from './card-cache'

describe('cachedCard', () => {
  it('draws a card once for concurrent and later requests, and again after a failure', async () => {
    const png = new Uint8Array([1, 2, 3])
    const render = vi.fn(async () => png)
    const results = await Promise.all([cachedCard('"a"', render), cachedCard('"a"', render)])
    expect(results).toEqual([png, png])
    expect(await cachedCard('"a"', render)).toBe(png)
    expect(render).toHaveBeenCalledTimes(1)

    const failing = vi.fn(async (): Promise<Uint8Array<ArrayBuffer>> => {
      throw new Error('render failed')
    })
    await expect(cachedCard('"b"', failing)).rejects.toThrow('render failed')
    expect(await cachedCard('"b"', render)).toBe(png)
    expect(render).toHaveBeenCalledTimes(2)
  })
})
