// GET /episodes/:slug/transcript.{vtt,srt,json,txt}: the transcript as it is now (with every
// correction), so other podcast apps get the fixes: a host pastes these URLs into their feed's
// <podcast:transcript> tags (the show page lists them). Public, like the episode page, so:
// CORS open to every origin, a strong ETag over the bytes (304 on If-None-Match), and a few
// minutes of shared caching, after which a correction shows.
import 'server-only'
import type { ApiDeps } from '@/lib/api/deps'
import { errorJson } from '@/lib/http/json-response'
import { conditionalResponse, PUBLIC_CORS_HEADERS, publicResourceHeaders } from '@/lib/http/conditional-get'
import { EXPORT_FORMATS, type ExportFormat } from '@/lib/transcripts/export-formats'

export async function exportTranscriptHandler(
  deps: Pick<ApiDeps, 'db'>,
  slug: string,
  format: ExportFormat,
  request?: Pick<Request, 'headers'>,
): Promise<Response> {
  const episode = await deps.db.episode.findUnique({
    where: { slug },
    select: {
      title: true,
      sentences: {
        orderBy: { position: 'asc' },
        select: { startMs: true, endMs: true, speaker: true, text: true },
      },
    },
  })
  if (!episode) return errorJson(404, `No episode ${slug}.`, PUBLIC_CORS_HEADERS)
  const { contentType, render } = EXPORT_FORMATS[format]
  return conditionalResponse(
    request,
    render(episode.sentences, episode.title),
    publicResourceHeaders(contentType, { 'Content-Disposition': `inline; filename="${slug}.${format}"` }),
  )
}
