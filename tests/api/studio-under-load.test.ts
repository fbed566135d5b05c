// Issue 13 item 1, from the web: a host's transcript upload, new show and new episode succeed
// while 8 other clients (worker threads with their own connections, as the server's other
// processes have) keep reading and writing the same database (file, or sqld). The writes take the lock with
// BEGIN IMMEDIATE and wait for it; none may fail with SQLITE_BUSY.
import { Worker } from 'node:worker_threads'
import { describe, expect, it } from 'vitest'
import { createEpisode } from '../../lib/episodes/operations'
import { uploadTranscript } from '../../lib/episodes/transcript-upload'
import { createShow } from '../../lib/shows/operations'
import { freshApp, makeUser } from '../support/app-database'

// Each client: a write transaction (a rate counter, as a comment's) holding the lock a few
// milliseconds, then reads of the transcript, until told to stop. Counts what it did.
const CLIENT = `
const { parentPort, workerData } = require('node:worker_threads')
// The file through better-sqlite3, or sqld through libsql's remote handle (its server queues writers).
const Database = require(workerData.url ? 'libsql' : 'better-sqlite3')
const db = new Database(workerData.url ?? workerData.path)
if (!workerData.url) {
  db.pragma('busy_timeout = 5000')
  db.pragma('journal_mode = WAL')
}
let stop = false
parentPort.on('message', () => { stop = true })
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))
const write = db.transaction((key) => {
  db.prepare("INSERT INTO RateCounter (key, windowStartAt, count) VALUES (?, ?, 1) ON CONFLICT(key) DO UPDATE SET count = count + 1").run(key, new Date().toISOString())
  const until = Date.now() + 3
  while (Date.now() < until) {}
})
;(async () => {
  let writes = 0, reads = 0, errors = []
  while (!stop) {
    try {
      write.immediate('load:' + workerData.id)
      if (writes++ === 0) parentPort.postMessage('ready')
      reads += db.prepare('SELECT count(*) AS n FROM Sentence').get().n > 0 ? 1 : 0
    } catch (error) { errors.push(String(error.code || error)) }
    await sleep(1)
  }
  db.close()
  parentPort.postMessage({ writes, reads, errors })
})()
`

describe('host writes from the web under load', () => {
  it('uploads, creates shows and episodes while 8 clients read and write', async () => {
    const app = await freshApp()
    const host = await makeUser(app, 'host')
    const ctx = { db: app.db, sqlite: app.sqlite, policy: app.policy, caller: host.caller, ip: '203.0.113.7' }
    const clients = Array.from(
      { length: 8 },
      (_, id) =>
        new Worker(CLIENT, { eval: true, workerData: { path: app.databasePath, url: app.databaseUrl, id } }),
    )
    const ready = clients.map((client) => new Promise((resolve) => client.once('message', resolve)))
    const finished = clients.map(
      (client) =>
        new Promise<{ writes: number; reads: number; errors: string[] }>((resolve, reject) => {
          void ready[clients.indexOf(client)]!.then(() => client.once('message', resolve))
          client.once('error', reject)
        }),
    )
    try {
      // Every client is writing before the host starts.
      await Promise.all(ready)
      const results = []
      for (let round = 0; round < 5; round++) {
        const lines = Array.from(
          { length: 200 },
          (_, i) =>
            `00:${String(Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}.000 --> 00:${String(Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}.900\nSentence ${i} of round ${round}.\n`,
        )
        const vtt = new TextEncoder().encode(`WEBVTT\n\n${lines.join('\n')}`)
        results.push(
          await uploadTranscript(ctx, {
            slug: 'ep-1',
            file: { name: `round-${round}.vtt`, size: vtt.length, read: async () => vtt },
          }),
        )
        results.push(await createShow(ctx, { title: `Load show ${round}` }))
        results.push(await createEpisode(ctx, { showSlug: 'show', body: { title: `Load episode ${round}` } }))
      }
      for (const result of results) expect(result).toMatchObject({ ok: true })
    } finally {
      for (const client of clients) client.postMessage('stop')
    }
    const done = await Promise.all(finished)
    expect(done.flatMap((client) => client.errors)).toEqual([])
    // The clients really ran beside the uploads.
    for (const client of done) expect(client.writes).toBeGreaterThan(1)
    expect(await app.db.sentence.count({ where: { episode: { slug: 'ep-1' } } })).toBe(200)
    expect(await app.db.show.count()).toBe(6)
  }, 60_000)
})
