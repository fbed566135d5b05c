// The baseline the search bench compares /api/search with: a bare node:http server around one
// FTS5 query (MATCH … ORDER BY rank LIMIT 20, with snippet()), no framework, no ranking window.
// DATABASE_PATH and PORT from the environment; GET /search?q=… answers JSON.
import { createServer } from 'node:http'
import { openSqlite } from '@/lib/db/sqlite'
import { compileSearchQuery } from '@/lib/search/query'

const db = openSqlite(process.env.DATABASE_PATH ?? '', { readonly: true })
const search = db.prepare(
  `SELECT s.id, s.startMs, s.speaker, e.slug, snippet(SentenceFts, 0, '<mark>', '</mark>', '…', 32) AS snippet
   FROM SentenceFts JOIN Sentence s ON s.id = SentenceFts.rowid JOIN Episode e ON e.id = s.episodeId
   WHERE SentenceFts MATCH ? ORDER BY rank LIMIT 20`,
)

createServer((request, response) => {
  const q = new URL(request.url ?? '/', 'http://x').searchParams.get('q') ?? ''
  const compiled = compileSearchQuery(q)
  const hits = compiled.ok && compiled.match ? search.all(compiled.match) : []
  response.writeHead(200, { 'Content-Type': 'application/json' })
  response.end(JSON.stringify({ hits }))
}).listen(Number(process.env.PORT), '127.0.0.1')
