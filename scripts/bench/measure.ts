// Small measuring tools shared by the benchmarks.
import { Agent, get } from 'node:http'

/** Nearest-rank percentile of a list of samples. */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return Number.NaN
  const sorted = [...samples].sort((a, b) => a - b)
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[rank]!
}

/** Runs `total` calls of `task` with `clients` in flight at once; returns each call's latency in ms. */
export async function runConcurrently(
  clients: number,
  total: number,
  task: (index: number) => Promise<void>,
): Promise<number[]> {
  const latenciesMs: number[] = []
  let next = 0
  const client = async () => {
    while (next < total) {
      const index = next++
      const startedAt = performance.now()
      await task(index)
      latenciesMs.push(performance.now() - startedAt)
    }
  }
  await Promise.all(Array.from({ length: clients }, client))
  return latenciesMs
}

/** Polls a URL until it answers 200, or fails after `timeoutMs`. */
export async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolveWait) => setTimeout(resolveWait, 200))
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`)
}

/**
 * A light HTTP load client: node:http with keep-alive connections, one per concurrent client,
 * no Accept-Encoding (like wrk). fetch() costs the load generator about 1 ms more per request,
 * CPU it takes from the server on a 2-core machine.
 */
export function keepAliveClient(port: number, connections: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: connections })
  return {
    get: (path: string) =>
      new Promise<number>((resolve, reject) => {
        get({ host: '127.0.0.1', port, path, agent }, (response) => {
          response.resume()
          response.on('end', () => resolve(response.statusCode ?? 0))
        }).on('error', reject)
      }),
    close: () => agent.destroy(),
  }
}
