// A local, in-memory S3-compatible server for tests and benchmarks: fauxqs 1.9.2 on 127.0.0.1.
//   node scripts/s3-test-server.mjs [port=0] [bucket ...]      prints "S3_READY <port>" when listening
// Extras for tests (not S3): GET /_test/stats returns request counts and bytes received per bucket;
// POST /_test/fault?mode=error|ok makes every S3 request fail with 503 SlowDown, or stops that.
// Why fauxqs and the request hook: docs/replication.md ("Testing"), /work/shared/design/s3-servers.md.
import { buildApp } from 'fauxqs'

const port = Number(process.argv[2] ?? 0)
const buckets = process.argv.length > 3 ? process.argv.slice(3) : ['bucket']
if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid port "${process.argv[2]}"`)

// startFauxqs() listens on 0.0.0.0; buildApp() lets us bind to loopback only.
const app = buildApp({ logger: false })

function decodeXmlText(text) {
  return text
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
}

// fauxqs 1.9.2 reads CompleteMultipartUpload bodies with fixed-order regexes and only named
// entities. Litestream (aws-sdk-go v1) escapes ETag quotes as &#34; and orders <ETag>/<PartNumber>
// at random, which fauxqs rejects (InvalidPart) or silently truncates. Rewrite the body canonically.
function canonicalCompleteMultipart(xml) {
  const parts = [...xml.matchAll(/<Part>([\s\S]*?)<\/Part>/g)].map(([, part]) => ({
    number: /<PartNumber>\s*(\d+)\s*<\/PartNumber>/.exec(part)?.[1],
    etag: decodeXmlText(/<ETag>([\s\S]*?)<\/ETag>/.exec(part)?.[1] ?? ''),
  }))
  const body = parts
    .map(
      ({ number, etag }) =>
        `<Part><PartNumber>${number}</PartNumber><ETag>${etag.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}</ETag></Part>`,
    )
    .join('')
  return `<CompleteMultipartUpload>${body}</CompleteMultipartUpload>`
}

const stats = { requests: 0, byMethod: {}, byBucket: {} }
let failing = false

app.addHook('onRequest', async (request, reply) => {
  if (request.url.startsWith('/_test/')) return
  const bucket = request.url.split('?')[0].split('/')[1] || '-'
  const bytes = Number(request.headers['content-length'] ?? 0)
  stats.requests++
  stats.byMethod[request.method] = (stats.byMethod[request.method] ?? 0) + 1
  const entry = (stats.byBucket[bucket] ??= { requests: 0, writeRequests: 0, bytesIn: 0 })
  entry.requests++
  if (request.method === 'PUT' || request.method === 'POST') entry.writeRequests++
  entry.bytesIn += Number.isFinite(bytes) ? bytes : 0
  if (failing) {
    reply.code(503).header('content-type', 'application/xml')
    return reply.send(
      '<?xml version="1.0" encoding="UTF-8"?><Error><Code>SlowDown</Code><Message>fault injected</Message></Error>',
    )
  }
})

app.addHook('preHandler', async (request) => {
  if (request.method !== 'POST' || !request.query?.uploadId || request.body == null) return
  const xml = Buffer.isBuffer(request.body) ? request.body.toString('utf8') : String(request.body)
  request.body = Buffer.from(canonicalCompleteMultipart(xml))
})

app.get('/_test/stats', async () => stats)
app.post('/_test/fault', async (request) => {
  failing = request.query?.mode === 'error'
  return { failing }
})

const address = await app.listen({ port, host: '127.0.0.1' })
for (const bucket of buckets) {
  const response = await app.inject({ method: 'PUT', url: `/${bucket}` })
  if (response.statusCode !== 200)
    throw new Error(`create bucket ${bucket}: ${response.statusCode} ${response.body}`)
}
process.stdout.write(`S3_READY ${new URL(address).port}\n`)

const stop = async () => {
  await app.close()
  process.exit(0)
}
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
