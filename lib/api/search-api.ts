// GET /api/search — documented in docs/api.md. Parameters are validated here (400 with the
// reason); an unknown episode is a 404. Without sort=date or episode= it answers exactly as
// before: one page of ranked hits.
import 'server-only'
import { NextResponse } from 'next/server'
import type { DataHandles } from '@/lib/operations/context'
import { episodeBySlug } from '@/lib/operations/lookups'
import { errorJson, failureResponse } from '@/lib/http/json-response'
import { hitsByDate, hitsInEpisode, matchIdsInEpisode, resolveSearch } from '@/lib/search/episode-groups'
import { firstValues, SearchApiParamsSchema } from '@/lib/search/params'
import { searchTranscripts, snippetToHtml, type SearchHit, type SearchOutcome } from '@/lib/search/search'

type Found = Extract<SearchOutcome, { ok: true }>

export async function searchGet(
  request: Request,
  handles: Pick<DataHandles, 'db' | 'sqlite'>,
): Promise<NextResponse> {
  const parsed = SearchApiParamsSchema.safeParse(firstValues(new URL(request.url).searchParams))
  if (!parsed.success) return errorJson(400, parsed.error.issues.map((issue) => issue.message).join('; '))
  const { episode: slug, all, sort, limit, offset, ...input } = parsed.data
  if (slug === undefined && sort === 'relevance') {
    const outcome = searchTranscripts(handles.sqlite, { ...input, limit, offset })
    if (!outcome.ok) return errorJson(400, outcome.message)
    return NextResponse.json({ total: outcome.total, hits: outcome.hits.map(hitJson), ...notes(outcome) })
  }
  const episode = slug === undefined ? null : await episodeBySlug(handles.db, slug)
  if (episode && !episode.ok) return failureResponse(episode.failure)
  const search = resolveSearch(handles.sqlite, input)
  if (!search.ok) return errorJson(400, search.message)
  if (episode && all) {
    return NextResponse.json({
      ...matchIdsInEpisode(handles.sqlite, search, episode.value),
      ...notes(search.outcome),
    })
  }
  const page = { limit, offset }
  const found = episode
    ? hitsInEpisode(handles.sqlite, search, episode.value, {
        order: sort === 'date' ? 'position' : 'rank',
        ...page,
      })
    : hitsByDate(handles.sqlite, search, page)
  return NextResponse.json({ total: found.total, hits: found.hits.map(hitJson), ...notes(search.outcome) })
}

function hitJson(hit: SearchHit) {
  return {
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
  }
}

// Why these results: a corrected query, a suggestion, most of the words, or words found nowhere.
function notes(outcome: Found) {
  return {
    ...(outcome.correction && { correctedQuery: outcome.correction.query }),
    ...(outcome.suggestion && { didYouMean: outcome.suggestion }),
    ...(outcome.relaxed && { relaxed: outcome.relaxed }),
    ...(outcome.missing && outcome.missing.length > 0 && { missing: outcome.missing }),
  }
}
