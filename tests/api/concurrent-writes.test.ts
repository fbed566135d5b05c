// Writes under concurrency (issue 15, item 2): 8 comment writers and a host correcting a
// sentence, through the real handlers, on one database file from two sets of connections (as
// the two web workers of scripts/web-cluster.ts have). Every write is acknowledged or refused
// with 429/503, never a thrown error (a 500). With comment creation in a Prisma interactive
// transaction this failed within a second: SQLITE_BUSY_SNAPSHOT when another connection
// committed between the transaction's read and its insert, SQLITE_BUSY when the correction's
// BEGIN IMMEDIATE waited on a lock that Prisma held across an await.
import { describe, expect, it } from 'vitest'
import { createCommentHandler } from '../../lib/api/comment-api'
import { editSentenceHandler, getSentenceHandler } from '../../lib/api/correction-api'
import type { ApiDeps } from '../../lib/api/deps'
import { createAuth } from '../../lib/auth/auth'
import { apiRequest, freshApp, makeUser, type TestApp } from '../support/app-database'

const RUN_MS = 3_000
const WRITERS = 8
const NO_LIMITS = {
  accountRule: { max: 0, windowMs: 60_000 },
  ipRule: { max: 0, windowMs: 60_000 },
  duplicateWindowMs: 3_600_000,
  holdFirst: 0,
}

/** A second set of connections to the app's database: another server process, as far as the database can tell. */
function secondProcess(app: TestApp): ApiDeps {
  const db = app.newPrisma()
  const sqlite = app.connect()
  const auth = createAuth(db, {
    secret: 'test-secret-test-secret-test-secret-0123456789',
    baseURL: 'http://127.0.0.1:3999',
    signInRateMax: 1000,
    signInRateWindowMs: 60_000,
  })
  return { db, sqlite, auth, policy: app.policy }
}

/** The status of a handler's answer; a thrown error is what the server would answer 500 for. */
async function statusOf(answer: Promise<Response>): Promise<number> {
  try {
    return (await answer).status
  } catch {
    return 500
  }
}

function tally(statuses: number[]): Record<number, number> {
  const counts: Record<number, number> = {}
  for (const status of statuses) counts[status] = (counts[status] ?? 0) + 1
  return counts
}

describe('concurrent writes', () => {
  it('acknowledge or refuse with 429/503 every comment and correction, and keep every acknowledged comment', async () => {
    const app = await freshApp(NO_LIMITS)
    const processes = [app, secondProcess(app)]
    const host = await makeUser(app, 'host')
    const writers = await Promise.all(Array.from({ length: WRITERS }, () => makeUser(app)))
    const sentenceId = app.sentenceIds[0]!
    const deadline = Date.now() + RUN_MS

    const commentStatuses: number[] = []
    const comment = async (writer: number) => {
      const deps = processes[writer % processes.length]!
      // Bounded by the deadline, and by a count in case the clock misbehaves.
      for (let n = 0; Date.now() < deadline && n < 10_000; n++) {
        const request = apiRequest('POST', `/api/sentences/${sentenceId}/comments`, {
          token: writers[writer]!.token,
          body: { body: `Writer ${writer}, comment ${n}` },
          ip: `198.51.100.${writer}`,
        })
        commentStatuses.push(await statusOf(createCommentHandler(deps, request, String(sentenceId))))
      }
    }
    const correctionStatuses: number[] = []
    const correct = async () => {
      const deps = processes[1]!
      const target = app.sentenceIds[1]!
      for (let n = 0; Date.now() < deadline && n < 10_000; n++) {
        const read = await getSentenceHandler(
          deps,
          apiRequest('GET', '/x', { token: host.token }),
          String(target),
        )
        const { sentence } = (await read.json()) as { sentence: { version: number } }
        const request = apiRequest('PATCH', `/api/sentences/${target}`, {
          token: host.token,
          body: { text: `Second sentence, take ${n}.`, version: sentence.version },
        })
        correctionStatuses.push(await statusOf(editSentenceHandler(deps, request, String(target))))
      }
    }
    await Promise.all([...Array.from({ length: WRITERS }, (_, writer) => comment(writer)), correct()])

    const comments = tally(commentStatuses)
    const corrections = tally(correctionStatuses)
    const unexpected = (counts: Record<number, number>, allowed: number[]) =>
      Object.entries(counts).filter(([status]) => !allowed.includes(Number(status)))
    expect({ unexpected: unexpected(comments, [201, 429, 503]), comments }).toMatchObject({ unexpected: [] })
    expect({ unexpected: unexpected(corrections, [200, 409, 503]), corrections }).toMatchObject({
      unexpected: [],
    })
    expect(comments[201] ?? 0).toBeGreaterThan(WRITERS)
    expect(corrections[200] ?? 0).toBeGreaterThan(0)
    // Every acknowledged comment is in the file.
    expect(await app.db.comment.count()).toBe(comments[201])
  })
})
