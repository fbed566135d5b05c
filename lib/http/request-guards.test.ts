import { NextRequest } from 'next/server'
import { describe, expect, it } from 'vitest'
import { proxy } from '../../proxy'
import { DIRECT_ROUTE_PATHS } from './direct-routes'
import { edgeRefusal, isOurOrigin } from './request-guards'
import { NON_PAGE_CSP, STATIC_SECURITY_HEADERS } from './security-headers'

const OURS = 'http://127.0.0.1:3000'
const SESSION = 'better-auth.session_token=abc.def'

function guard(method: string, pathname: string, headers: Record<string, string> = {}) {
  return edgeRefusal({ method, pathname, headers: new Headers(headers) }, OURS)
}

describe('edgeRefusal', () => {
  it('answers methods no route serves with 405 and Allow', async () => {
    for (const method of ['TRACE', 'PROPFIND', 'CONNECT', 'TRACK', 'FOO']) {
      const refused = guard(method, '/api/health')
      expect(refused?.status).toBe(405)
      expect(refused?.headers.get('allow')).toContain('GET')
    }
    for (const method of ['GET', 'HEAD', 'OPTIONS']) expect(guard(method, '/api/health')).toBeNull()
  })

  it('refuses a server action or form post from another site, or one naming an action without Origin', async () => {
    const action = { 'next-action': 'abc123', cookie: SESSION }
    const crossSite = guard('POST', '/episodes/x', { ...action, origin: 'http://evil.example' })
    expect(crossSite?.status).toBe(403)
    expect(await crossSite?.json()).toEqual({ error: 'Forms of this site can only be sent from this site.' })
    expect(guard('POST', '/episodes/x', action)?.status).toBe(403)
    expect(guard('POST', '/', { origin: 'null' })?.status).toBe(403)
    // The same post from our own page goes on to Next.
    expect(guard('POST', '/episodes/x', { ...action, origin: OURS })).toBeNull()
  })

  it('requires a same-site Origin on API writes that carry the session cookie, not on token calls', async () => {
    const noOrigin = guard('POST', '/api/sentences/1/comments', { cookie: SESSION })
    expect(noOrigin?.status).toBe(403)
    expect((await noOrigin!.json()).error).toMatch(/must come from this site/)
    expect(
      guard('DELETE', '/api/comments/1', {
        cookie: `x=1; __Secure-${SESSION}`,
        origin: 'http://evil.example',
      })?.status,
    ).toBe(403)
    // Host and X-Forwarded-Host do not make another origin ours.
    expect(
      guard('PATCH', '/api/comments/1', {
        cookie: SESSION,
        origin: 'http://evil.example',
        host: 'evil.example',
        'x-forwarded-host': 'evil.example',
      })?.status,
    ).toBe(403)
    expect(guard('POST', '/api/sentences/1/comments', { cookie: SESSION, origin: OURS })).toBeNull()
    expect(
      guard('POST', '/api/sentences/1/comments', { cookie: SESSION, authorization: 'Bearer hs_x' }),
    ).toBeNull()
    expect(guard('POST', '/api/sentences/1/comments', { cookie: 'theme=dark' })).toBeNull()
    expect(guard('POST', '/api/auth/sign-in/email', {})).toBeNull()
    expect(guard('GET', '/api/search', { cookie: SESSION })).toBeNull()
  })
})

describe('isOurOrigin', () => {
  it('is the configured origin only; loopback aliases count in development', () => {
    expect(isOurOrigin(OURS, OURS, false)).toBe(true)
    expect(isOurOrigin('http://localhost:3000', OURS, false)).toBe(false)
    expect(isOurOrigin('http://localhost:3000', OURS, true)).toBe(true)
    expect(isOurOrigin('http://localhost:3001', OURS, true)).toBe(false)
    expect(isOurOrigin('http://evil.example:3000', OURS, true)).toBe(false)
    expect(isOurOrigin(null, OURS, true)).toBe(false)
  })
})

describe('proxy', () => {
  it('refuses with the security headers before Next sees the request', () => {
    // (TRACE cannot even become a Request; scripts/web-cluster.ts answers it before Next.)
    const propfind = proxy(new NextRequest('http://127.0.0.1:3000/api/health', { method: 'PROPFIND' }))
    expect(propfind.status).toBe(405)
    expect(propfind.headers.get('x-content-type-options')).toBe('nosniff')
    const forged = proxy(
      new NextRequest('http://127.0.0.1:3000/episodes/x', {
        method: 'POST',
        headers: { 'next-action': 'abc', origin: 'http://evil.example', host: 'evil.example' },
      }),
    )
    expect(forged.status).toBe(403)
    const page = proxy(new NextRequest('http://127.0.0.1:3000/episodes/x'))
    expect(page.status).toBe(200)
    expect(page.headers.get('content-security-policy')).toContain('nonce-')
    // The page's nonce reaches its render as a request header; an API answer gets the fixed policy.
    expect(page.headers.get('x-middleware-request-content-security-policy')).toContain('nonce-')
    const api = proxy(new NextRequest('http://127.0.0.1:3000/api/search?q=x'))
    expect(api.status).toBe(200)
    expect(api.headers.get('content-security-policy')).toBe(NON_PAGE_CSP)
    expect(api.headers.get('x-content-type-options')).toBe('nosniff')
  })

  // The worker answers these itself (lib/http/direct-routes.ts) with NON_PAGE_CSP and the static
  // headers, and never consults the proxy: that is only sound while the proxy would let every GET
  // and HEAD of them through, whoever sends it, and set exactly those headers.
  it('lets the direct routes through for any sender, only adding the headers the worker sets', () => {
    for (const path of DIRECT_ROUTE_PATHS)
      for (const method of ['GET', 'HEAD'])
        for (const headers of [
          {},
          { origin: 'http://evil.example', cookie: SESSION, host: 'evil.example' },
        ] as Record<string, string>[]) {
          expect(guard(method, path, headers), `${method} ${path}`).toBeNull()
          const passed = proxy(new NextRequest(`http://127.0.0.1:3000${path}?q=x`, { method, headers }))
          expect(passed.status, `${method} ${path}`).toBe(200)
          expect(passed.headers.get('x-middleware-next')).toBe('1')
          // Every header the proxy would send (its x-middleware-* instructions to Next aside) is
          // one the worker sends too, with the same value.
          const sent = Object.fromEntries(
            [...passed.headers].filter(([name]) => !name.startsWith('x-middleware-')),
          )
          const workers = Object.fromEntries(
            Object.entries({ ...STATIC_SECURITY_HEADERS, 'Content-Security-Policy': NON_PAGE_CSP }).map(
              ([name, value]) => [name.toLowerCase(), value],
            ),
          )
          expect(sent).toEqual(workers)
          expect(passed.headers.get('x-middleware-request-content-security-policy')).toBeNull()
        }
  })
})
