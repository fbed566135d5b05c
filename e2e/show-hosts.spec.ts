// Hosts per show in the browser (issue 13 item 4, docs/decisions/0014-hosts-per-show.md): a host
// of the demo show sees no host controls on another show's episode and gets 403 there from the
// API; an admin grants and revokes that show on /admin/users, and the host's access follows.
import { randomUUID } from 'node:crypto'
import { expect, test, type APIRequestContext } from '@playwright/test'
import { bearer, createUser, signIn, type E2eUser } from './support/accounts'
import { EPISODE, threadOf } from './support/episode'

const NOT_HOST = { error: 'You are not a host of this show.' }

// Each account is made by the user CLI (a node process per call), slow on a loaded machine.
test.describe.configure({ timeout: 300_000 })

/** A second show with one episode of two sentences, made by an admin through the JSON API. */
async function otherShow(request: APIRequestContext, admin: E2eUser) {
  const slug = `other-${randomUUID().slice(0, 8)}`
  const title = `Other show ${slug.slice(-8)}`
  const headers = bearer(admin)
  expect((await request.post('/api/shows', { headers, data: { title, slug } })).status()).toBe(201)
  const episode = await request.post(`/api/shows/${slug}/episodes`, {
    headers,
    data: { title: 'Their pilot', slug: `${slug}-pilot` },
  })
  expect(episode.status()).toBe(201)
  const vtt =
    'WEBVTT\n\n00:00.000 --> 00:02.000\nTheir first sentence.\n\n00:02.000 --> 00:04.000\nTheir second one.\n'
  const imported = await request.put(`/api/episodes/${slug}-pilot/transcript?fileName=pilot.vtt`, {
    headers: { ...headers, 'content-type': 'text/vtt' },
    data: vtt,
  })
  expect(imported.status()).toBe(200)
  return { slug, title, episodePath: `/episodes/${slug}-pilot` }
}

/** The id of an episode's first sentence, from its #s-<id> anchor in the page. */
async function firstSentenceId(request: APIRequestContext, episodePath: string): Promise<number> {
  const page = await request.get(episodePath)
  const id = /id="s-(\d+)"/.exec(await page.text())?.[1]
  expect(id).toBeDefined()
  return Number(id)
}

function editFirst(request: APIRequestContext, host: E2eUser, id: number, text: string) {
  return request.patch(`/api/sentences/${id}`, { headers: bearer(host), data: { text, version: 1 } })
}

test('a host of one show gets no host controls and 403 on another show, and keeps them on theirs', async ({
  page,
  request,
}) => {
  // The host hosts every show that exists now (the demo show); the admin's show comes after.
  const host = await createUser('show-host', 'host')
  const admin = await createUser('show-admin', 'admin')
  const other = await otherShow(request, admin)
  const id = await firstSentenceId(request, other.episodePath)

  await signIn(page, host, other.episodePath)
  await expect(page.getByText('Find and replace, rename a speaker')).toHaveCount(0)
  await page.locator(`#s-${id}`).click()
  await expect(threadOf(page)).toBeVisible()
  await expect(threadOf(page).getByRole('form', { name: 'Edit this sentence' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: /Turn comments (off|on)/ })).toHaveCount(0)

  const refused = await editFirst(request, host, id, 'Not theirs to edit.')
  expect(refused.status()).toBe(403)
  expect(await refused.json()).toEqual(NOT_HOST)
  const studio = await page.goto(`/studio/shows/${other.slug}`)
  expect(studio?.status()).toBe(403)

  // On the demo show they host, the controls are there.
  await page.goto(EPISODE)
  await expect(page.getByText('Find and replace, rename a speaker')).toBeVisible()
  await page.locator('.sentence').first().click()
  await expect(threadOf(page).getByRole('form', { name: 'Edit this sentence' })).toBeVisible()
})

test('an admin grants and revokes a show on the users page, and the host’s access follows', async ({
  page,
  request,
}) => {
  const host = await createUser('granted-host', 'host')
  const admin = await createUser('grant-admin', 'admin')
  const other = await otherShow(request, admin)
  const id = await firstSentenceId(request, other.episodePath)
  expect((await editFirst(request, host, id, 'Before the grant.')).status()).toBe(403)

  // Only admins open the page.
  await signIn(page, host, '/')
  expect((await page.goto('/admin/users'))?.status()).toBe(403)
  await page.context().clearCookies()

  await signIn(page, admin, '/')
  await page.getByRole('link', { name: 'Users', exact: true }).click()
  await expect(page).toHaveURL(/\/admin\/users$/)
  await page.getByLabel('Find by name or email').fill(host.email)
  await page.getByRole('button', { name: 'Find' }).click()
  const row = page.getByRole('row', { name: host.name })
  // The shows the host hosts (the grant select lists the others).
  const hosted = row.getByRole('list')
  await expect(hosted).toContainText('The Small Database Show')
  await expect(hosted).not.toContainText(other.title)

  await row.getByLabel(`Show to grant ${host.name}`).selectOption({ label: other.title })
  await row.getByRole('button', { name: `Grant the show to ${host.name}` }).click()
  await expect(hosted).toContainText(other.title)
  expect((await editFirst(request, host, id, 'Granted, so fixed.')).status()).toBe(200)

  await row.getByRole('button', { name: `Revoke ${other.title} from ${host.name}` }).click()
  await expect(hosted).not.toContainText(other.title)
  const revoked = await editFirst(request, host, id, 'Revoked again.')
  expect(revoked.status()).toBe(403)
  expect(await revoked.json()).toEqual(NOT_HOST)
})
