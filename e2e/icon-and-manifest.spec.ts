// The site's icon and web app manifest: /favicon.ico (asked for by browsers without looking at the
// page) is a real icon, every page links the SVG icon and the manifest, and the manifest's icons
// answer with their types.
import { expect, test } from '@playwright/test'

test('/favicon.ico is an icon, not a 404', async ({ request }) => {
  const response = await request.get('/favicon.ico')
  expect(response.status()).toBe(200)
  expect(response.headers()['content-type']).toBe('image/x-icon')
  const body = await response.body()
  // An ICO file's header: reserved 0, type 1 (icon), then at least one image.
  expect([...body.subarray(0, 4)]).toEqual([0, 0, 1, 0])
  expect(body.readUInt16LE(4)).toBeGreaterThan(0)
})

test('every page links the icon and the manifest, which lists icons that load', async ({ page, request }) => {
  test.setTimeout(120_000)
  await page.goto('/')
  const iconHref = await page.locator('head link[rel="icon"][type="image/svg+xml"]').getAttribute('href')
  await expect(page.locator('head link[rel="manifest"]')).toHaveAttribute('href', '/manifest.webmanifest')
  const manifestHref = '/manifest.webmanifest'

  const icon = await request.get(iconHref!)
  expect(icon.status()).toBe(200)
  expect(icon.headers()['content-type']).toBe('image/svg+xml')
  expect(await icon.text()).toContain('<svg')

  const manifestResponse = await request.get(manifestHref)
  expect(manifestResponse.status()).toBe(200)
  expect(manifestResponse.headers()['content-type']).toBe('application/manifest+json')
  const manifest = await manifestResponse.json()
  expect(manifest).toMatchObject({ name: 'Hearsay', start_url: '/', display: 'standalone' })
  expect(manifest.icons.length).toBeGreaterThan(0)
  for (const listed of manifest.icons as { src: string; type: string }[]) {
    const response = await request.get(listed.src)
    expect(response.status(), listed.src).toBe(200)
    expect(response.headers()['content-type'], listed.src).toBe(listed.type)
  }
})
