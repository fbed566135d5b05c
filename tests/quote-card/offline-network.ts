// Records every fetch during a test and refuses any that would leave the machine. data: URLs
// pass through: next/og's bundled yoga loads its WebAssembly from one.
import { vi } from 'vitest'

export function refuseNetwork(): { attempts: string[] } {
  const realFetch = globalThis.fetch
  const attempts: string[] = []
  vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input)
    if (url.startsWith('data:')) return realFetch(input, init)
    attempts.push(url)
    return Promise.reject(new Error(`network refused in tests: ${url}`))
  })
  return { attempts }
}
