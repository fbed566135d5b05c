// GET /api/search?q=…&limit=…&offset=… — documented in docs/api.md.
import { NextResponse, type NextRequest } from 'next/server'
import { errorJson } from '@/lib/http/json-response'
import { sqlite } from '@/lib/db/client'
import { firstValues, SearchApiParamsSchema } from '@/lib/search/params'
import { searchTranscripts, snippetToHtml } from '@/lib/search/search'

export const dynamic = 'force-dynamic'

export function GET(request: NextRequest) {
  const parsed = SearchApiParamsSchema.safeParse(firstValues(request.nextUrl.searchParams))
  if (!parsed.success) return errorJson(400, parsed.error.issues.map((issue) => issue.message).join('; '))
  const outcome = searchTranscripts(sqlite(), parsed.data)
  if (!outcome.ok) return errorJson(400, outcome.message)
  return NextResponse.json({
    total: outcome.total,
    hits: outcome.hits.map((hit) => ({
      episode: hit.episode,
      show: hit.show,
      sentence: hit.sentence,
      snippet: snippetToHtml(hit.snippet),
      ...(hit.passage && {
        passage: {
          sentences: hit.passage.sentences.map(({ snippet, ...sentence }) => ({
            ...sentence,
            snippet: snippetToHtml(snippet),
          })),
        },
      }),
    })),
    ...(outcome.correction && { correctedQuery: outcome.correction.query }),
    ...(outcome.suggestion && { didYouMean: outcome.suggestion }),
    ...(outcome.relaxed && { relaxed: outcome.relaxed }),
    ...(outcome.missing && outcome.missing.length > 0 && { missing: outcome.missing }),
  })
}
