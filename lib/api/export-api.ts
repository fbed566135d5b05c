// GET /episodes/:slug/transcript.{vtt,srt,json,txt}: the transcript as it is now (with every
// correction), so other podcast apps get the fixes: a host pastes these URLs into their feed's
// <podcast:transcript> tags (the show page lists them). Public, like the episode page, so:
// CORS open to every origin, a strong ETag over the bytes (304 on If-None-Match), and a few
// minutes of shared caching, after which a correction shows.
import 'server-only'
import type { ApiDeps } from '@/lib/api/deps'
import { statement } from '@/lib/db/statements'
import { errorJson } from '@/lib/http/json-response'
import { conditionalResponse, PUBLIC_CORS_HEADERS, publicResourceHeaders } from '@/lib/http/conditional-get'
import type { ExportSentence } from '@/lib/transcripts/export-cues'
import { EXPORT_FORMATS, type ExportFormat } from '@/lib/transcripts/export-formats'

export async function exportTranscriptHandler(
  deps: Pick<ApiDeps, 'db' | 'sqlite'>,
  slug: string,
  format: ExportFormat,
  request?: Pick<Request, 'headers'>,
): Promise<Response> {
  const episode = await deps.db.episode.findUnique({ where: { slug }, select: { id: true, title: true } })
  if (!episode) return errorJson(404, `No episode ${slug}.`, PUBLIC_CORS_HEADERS)
  // Plain SQL in order (the (episodeId, position) index): Prisma's nested read of the largest
  // transcript allowed (20,000 sentences) took seconds (docs/decisions/0016-long-episode-page.md).
  const sentences = statement(
    deps.sqlite,
    'SELECT startMs, endMs, speaker, text FROM Sentence WHERE episodeId = ? ORDER BY position',
  ).all(episode.id) as ExportSentence[]
  const { contentType, render } = EXPORT_FORMATS[format]
  return conditionalResponse(
    request,
    render(sentences, episode.title),
    publicResourceHeaders(contentType, { 'Content-Disposition': `inline; filename="${slug}.${format}"` }),
  )
}
