// Rendered quote cards, kept in memory by their ETag. A shared link is fetched by every chat
// app and every member's client at about the same time; drawing a card takes a CPU-second or
// more, so the same card is drawn once: concurrent requests wait for the one render, later
// ones get the stored bytes. Bounded: the least recently used cards go first.
const MAX_CARDS = 64

const rendered = new Map<string, Uint8Array<ArrayBuffer>>()
const inFlight = new Map<string, Promise<Uint8Array<ArrayBuffer>>>()

export async function cachedCard(
  key: string,
  render: () => Promise<Uint8Array<ArrayBuffer>>,
): Promise<Uint8Array<ArrayBuffer>> {
  const stored = rendered.get(key)
  if (stored) {
    rendered.delete(key)
    rendered.set(key, stored)
    return stored
  }
  let pending = inFlight.get(key)
  if (!pending) {
    pending = render().finally(() => inFlight.delete(key))
    inFlight.set(key, pending)
  }
  const png = await pending
  rendered.set(key, png)
  if (rendered.size > MAX_CARDS) rendered.delete(rendered.keys().next().value!)
  return png
}
