// Records every fetch during a test and refuses any that would leave the machine. data: URLs
// pass through: next/og's bundled yoga loads its WebAssembly from one; so does the test's own
// database server when the run tests sqld (Prisma's libSQL client speaks HTTP to 127.0.0.1).
import { vi } from 'vitest'

export function refuseNetwork(allowed: (string | undefined)[] = []): { attempts: string[] } {
  const passing = allowed.filter((prefix): prefix is string => Boolean(prefix))
  const realFetch = globalThis.fetch
  const attempts: string[] = []
  vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input)
    if (url.startsWith('data:') || passing.some((prefix) => url.startsWith(prefix)))
      return realFetch(input, init)
    attempts.push(url)
    return Promise.reject(new Error(`network refused in tests: ${url}`))
  })
  return { attempts }
}
