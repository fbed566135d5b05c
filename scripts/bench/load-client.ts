// The load generator of `npm run bench`'s HTTP measurements, in a process of its own: the bench
// itself holds the imported corpus's relevance sets and has parsed 560 transcripts, and on its
// heap the client's garbage collections paused reading answers (8-client p99 57 ms measured from
// inside the bench against 34–39 ms from a fresh process, same server and database). Each run
// starts clean, for our server and the naive one alike.
//
// Reads one job as JSON on stdin, writes the result as JSON on stdout:
//   { port, clients, paths, requests, expectedStatus } →
//   { latenciesMs, seconds }   (or exits 1 with the reason on stderr)
// It first sends every path once over `clients` connections (the cluster hands connections to
// its processes in turn, so each one that will answer has run the mix), then `requests` of them
// in order, round robin, with `clients` in flight.
import { text } from 'node:stream/consumers'
import { z } from 'zod'
import { keepAliveClient, runConcurrently } from '@/scripts/bench/measure'

const JobSchema = z.object({
  port: z.number().int().min(1).max(65535),
  clients: z.number().int().min(1).max(64),
  paths: z.array(z.string().startsWith('/')).min(1),
  requests: z.number().int().min(1),
  expectedStatus: z.number().int(),
})

export type LoadJob = z.infer<typeof JobSchema>
export interface LoadResult {
  latenciesMs: number[]
  seconds: number
}

async function run(job: LoadJob): Promise<LoadResult> {
  const client = keepAliveClient(job.port, job.clients)
  try {
    await runConcurrently(job.clients, job.paths.length, async (index) => {
      await client.get(job.paths[index]!)
    })
    const startedAt = performance.now()
    const latenciesMs = await runConcurrently(job.clients, job.requests, async (index) => {
      const path = job.paths[index % job.paths.length]!
      const status = await client.get(path)
      if (status !== job.expectedStatus)
        throw new Error(`${path}: HTTP ${status}, expected ${job.expectedStatus}`)
    })
    return { latenciesMs, seconds: (performance.now() - startedAt) / 1000 }
  } finally {
    client.close()
  }
}

try {
  const job = JobSchema.parse(JSON.parse(await text(process.stdin)))
  process.stdout.write(JSON.stringify(await run(job)))
} catch (error) {
  console.error(`load-client: ${error instanceof Error ? error.message : String(error)}`)
  process.exitCode = 1
}
