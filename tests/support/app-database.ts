// A Prisma client, an auth instance and a small episode over a fresh test database, for the
// comment DAL and API tests. Everything is passed in explicitly; nothing reads DATABASE_URL.
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3'
import { onTestFinished } from 'vitest'
import type { ApiDeps } from '../../lib/api/deps'
import { createApiToken } from '../../lib/auth/api-tokens'
import { createAuth, type Auth } from '../../lib/auth/auth'
import type { Caller } from '../../lib/auth/caller'
import type { Role } from '../../lib/auth/roles'
import { createUser } from '../../lib/auth/users'
import { openSqlite } from '../../lib/db/sqlite'
import type { CommentPolicy } from '../../lib/comments/policy'
import { PrismaClient } from '../../lib/generated/prisma/client'
import { freshDatabasePath } from './database'

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
  /** The database file, for raw reads (the FTS5 index) in tests. */
  databasePath: string
}

export async function freshApp(policy: Partial<CommentPolicy> = {}): Promise<TestApp> {
  const databasePath = freshDatabasePath()
  const db = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: `file:${databasePath}` }) })
  onTestFinished(() => db.$disconnect())
  const sqlite = openSqlite(databasePath)
  onTestFinished(() => sqlite.close())
  const auth: Auth = createAuth(db, {
    secret: 'test-secret-test-secret-test-secret-0123456789',
    baseURL: 'http://127.0.0.1:3999',
    signInRateMax: 1000,
    signInRateWindowMs: 60_000,
  })
  const show = await db.show.create({ data: { slug: 'show', title: 'Show' } })
  const episode = await db.episode.create({ data: { showId: show.id, slug: 'ep-1', title: 'Episode one' } })
  const other = await db.episode.create({ data: { showId: show.id, slug: 'ep-2', title: 'Episode two' } })
  const sentenceIds = await addSentences(db, episode.id, [
    'First sentence.',
    'Second sentence.',
    'Third one.',
  ])
  const [otherEpisodeSentenceId] = await addSentences(db, other.id, ['Elsewhere.'])
  return {
    db,
    sqlite,
    auth,
    policy: { ...TEST_POLICY, ...policy },
    episode: { id: episode.id, slug: episode.slug },
    sentenceIds,
    otherEpisodeSentenceId: otherEpisodeSentenceId!,
    databasePath,
  }
}

async function addSentences(db: PrismaClient, episodeId: number, texts: string[]): Promise<number[]> {
  const segment = await db.segment.create({ data: { episodeId, position: 0, startMs: 0, speaker: 'Ana' } })
  const ids: number[] = []
  for (const [position, text] of texts.entries()) {
    const sentence = await db.sentence.create({
      data: { episodeId, segmentId: segment.id, position, startMs: position * 1000, speaker: 'Ana', text },
    })
    ids.push(sentence.id)
  }
  return ids
}

let userCounter = 0

export interface TestUser {
  caller: Caller
  token: string
}

export async function makeUser(app: TestApp, role: Role = 'listener'): Promise<TestUser> {
  userCounter += 1
  const email = `user${userCounter}-${role}@example.test`
  const created = await createUser(app.db, app.auth, {
    email,
    password: 'correct horse battery',
    name: `User ${userCounter}`,
    role,
  })
  if (!created.ok) throw new Error(created.error)
  const token = await createApiToken(app.db, created.userId)
  return { caller: { id: created.userId, name: `User ${userCounter}`, email, role, bannedAt: null }, token }
}

/** A Request as a route handler receives it, with a bearer token when given. */
export function apiRequest(
  method: string,
  path: string,
  options: { token?: string; body?: unknown; rawBody?: string; ip?: string; cookie?: string } = {},
): Request {
  const headers = new Headers({ 'x-forwarded-for': options.ip ?? '203.0.113.7' })
  if (options.token) headers.set('authorization', `Bearer ${options.token}`)
  if (options.cookie) headers.set('cookie', options.cookie)
  let body: string | undefined = options.rawBody
  if (options.body !== undefined) {
    body = JSON.stringify(options.body)
    headers.set('content-type', 'application/json')
  }
  return new Request(`http://127.0.0.1:3999${path}`, { method, headers, body })
}
