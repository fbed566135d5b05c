// No URL, method or body a client can send makes the server answer 5xx. The routes are read from
// app/ (scripts/lib/route-sweep.ts, shared with `npm run bench:abuse`), so a new route is swept
// without editing this file (the icon and manifest files in app/ too); each is tried with malformed
// path parameters, every method, and broken bodies, signed out and as a host.
import { expect, test, type APIRequestContext } from '@playwright/test'
import {
  BAD_BODIES,
  fill,
  metadataRoutes,
  METHODS,
  paramValues,
  routeTemplates,
} from '../scripts/lib/route-sweep'
import { bearer, createUser } from './support/accounts'

async function expectNo5xx(request: APIRequestContext, method: string, url: string, options = {}) {
  const response = await request.fetch(url, { method, maxRedirects: 0, failOnStatusCode: false, ...options })
  expect(response.status(), `${method} ${url.slice(0, 120)}`).toBeLessThan(500)
}

test('every route answers malformed paths, odd methods and broken bodies with less than 500', async ({
  request,
}) => {
  test.setTimeout(900_000)
  const templates = [...routeTemplates(), ...metadataRoutes()]
  expect(templates.length).toBeGreaterThan(20)
  expect(templates).toEqual(
    expect.arrayContaining(['/episodes/[slug]', '/favicon.ico', '/manifest.webmanifest']),
  )
  const host = await createUser('fuzz-host', 'host')
  const search = await (await request.get('/api/search?q=sqlite')).json()
  const slug = String(search.hits[0].episode.slug)
  // Well-formed but unused: bodies are parsed before records are looked up, and nothing that
  // later specs use can be changed by accident.
  const unusedId = '2147483000'

  for (const template of templates) {
    for (const value of paramValues(template)) {
      const url = fill(template, value)
      for (const method of METHODS) await expectNo5xx(request, method, url)
    }
    // Broken bodies as a host, so they reach the body parsers.
    const real = template.replace('[slug]', slug).replace(/\[[^\]]+\]/g, unusedId)
    for (const method of ['POST', 'PATCH', 'PUT', 'DELETE'])
      for (const body of BAD_BODIES) {
        const headers = { 'content-type': body.contentType, origin: 'http://evil.example' }
        await expectNo5xx(request, method, real, { headers, data: body.data })
        await expectNo5xx(request, method, real, {
          headers: { ...headers, ...bearer(host) },
          data: body.data,
        })
      }
  }
})
