// A Prisma client, an auth instance and a small episode over a fresh test database (on the
// engine under test, tests/support/database.ts), for the comment DAL and API tests. Everything is
// passed in explicitly; nothing reads DATABASE_URL.
import type { ApiDeps } from '../../lib/api/deps'
import { createApiToken } from '../../lib/auth/api-tokens'
import { createAuth, type Auth } from '../../lib/auth/auth'
import type { Caller } from '../../lib/auth/caller'
import type { Role } from '../../lib/auth/roles'
import { createUserAccount } from '../../lib/users/user-store'
import { everyShowId, insertGrants } from '../../lib/users/show-hosts'
import type { SqliteDatabase } from '../../lib/db/sqlite'
import { CLIENT_ADDRESS_HEADER } from '../../lib/http/client-address'
import type { CommentPolicy } from '../../lib/comments/policy'
import { PrismaClient } from '../../lib/generated/prisma/client'
import { buildEpisode, buildSentences, buildShow, writeEpisode } from '../../lib/seed/factories'
import { freshTestDatabase } from './database'

export const TEST_POLICY: CommentPolicy = {
  accountRule: { max: 100, windowMs: 60_000 },
  ipRule: { max: 100, windowMs: 60_000 },
  duplicateWindowMs: 3_600_000,
  holdFirst: 0,
}

export interface TestApp extends ApiDeps {
  episode: { id: number; slug: string }
  sentenceIds: number[]
  otherEpisodeSentenceId: number
  /** The database file (on sqld: a path in the test's folder); media are stored beside it. */
  databasePath: string
  /** The libSQL server's URL when the run tests sqld (HEARSAY_TEST_ENGINE=sqld), else undefined. */
  databaseUrl: string | undefined
  /** Another raw connection to the same database (closed when the test ends). */
  connect(): SqliteDatabase
  /** Another Prisma client on the same database (disconnected when the test ends). */
  newPrisma(): PrismaClient
}

export async function freshApp(policy: Partial<CommentPolicy> = {}): Promise<TestApp> {
  const database = await freshTestDatabase()
  const { databasePath } = database
  const db = database.prisma()
  const sqlite = database.connect()
  const auth: Auth = createAuth(db, {
    secret: 'test-secret-test-secret-test-secret-0123456789',
    baseURL: 'http://127.0.0.1:3999',
    signInRateMax: 1000,
    signInRateWindowMs: 60_000,
  })
  // Episode one's three sentences and episode two's one, written as an import writes them.
  const show = buildShow({ slug: 'show', title: 'Show' })
  writeEpisode(
    sqlite,
    buildEpisode({
      show,
      slug: 'ep-1',
      title: 'Episode one',
      transcript: { sentences: buildSentences(['First sentence.', 'Second sentence.', 'Third one.']) },
    }),
  )
  writeEpisode(
    sqlite,
    buildEpisode({
      show,
      slug: 'ep-2',
      title: 'Episode two',
      transcript: { sentences: buildSentences(['Elsewhere.']) },
    }),
  )
  const episode = await episodeWithSentenceIds(db, 'ep-1')
  const [otherEpisodeSentenceId] = (await episodeWithSentenceIds(db, 'ep-2')).sentenceIds
  return {
    db,
    sqlite,
    auth,
    policy: { ...TEST_POLICY, ...policy },
    episode: { id: episode.id, slug: episode.slug },
    sentenceIds: episode.sentenceIds,
    otherEpisodeSentenceId: otherEpisodeSentenceId!,
    databasePath,
    databaseUrl: database.engine.kind === 'libsql' ? database.engine.url : undefined,
    connect: database.connect,
    newPrisma: database.prisma,
  }
}

async function episodeWithSentenceIds(db: PrismaClient, slug: string) {
  const episode = await db.episode.findUniqueOrThrow({
    where: { slug },
    select: { id: true, slug: true, sentences: { select: { id: true }, orderBy: { position: 'asc' } } },
  })
  return { id: episode.id, slug: episode.slug, sentenceIds: episode.sentences.map((sentence) => sentence.id) }
}

let userCounter = 0

export interface TestUser {
  caller: Caller
  token: string
}

export async function makeUser(app: TestApp, role: Role = 'listener'): Promise<TestUser> {
  userCounter += 1
  const email = `user${userCounter}-${role}@example.test`
  const created = await createUserAccount(app.db, app.auth, {
    email,
    password: 'correct horse battery',
    name: `User ${userCounter}`,
    role,
  })
  if (!created.ok) throw new Error(JSON.stringify(created.failure))
  const { userId } = created.value
  // Hosts are granted per show: a test host hosts every show there is so far, as the upgrade
  // made every existing host (docs/decisions/0014-hosts-per-show.md); tests of hosts per show
  // (tests/api/show-hosts.test.ts) grant and revoke on top.
  if (role === 'host') {
    const by = { grantedBy: 'test', grantedAt: new Date() }
    const granted = await insertGrants(app.sqlite, userId, await everyShowId(app.db), by)
    if (!granted.ok) throw new Error(JSON.stringify(granted.failure))
  }
  const token = await createApiToken(app.db, userId)
  return { caller: { id: userId, name: `User ${userCounter}`, email, role, bannedAt: null }, token }
}

/** A Request as a route handler receives it, with a bearer token when given. */
export function apiRequest(
  method: string,
  path: string,
  options: { token?: string; body?: unknown; rawBody?: string; ip?: string; cookie?: string } = {},
): Request {
  // The address as scripts/web-cluster.ts resolves it from the socket (lib/http/client-address.ts).
  const headers = new Headers({ [CLIENT_ADDRESS_HEADER]: options.ip ?? '203.0.113.7' })
  if (options.token) headers.set('authorization', `Bearer ${options.token}`)
  if (options.cookie) headers.set('cookie', options.cookie)
  let body: string | undefined = options.rawBody
  if (options.body !== undefined) {
    body = JSON.stringify(options.body)
    headers.set('content-type', 'application/json')
  }
  return new Request(`http://127.0.0.1:3999${path}`, { method, headers, body })
}
