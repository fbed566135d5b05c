// GET /shows/:slug/feed.xml: the show as a Podcasting 2.0 RSS feed whose <podcast:transcript>
// tags point at the corrected transcripts (lib/publish/show-feed.ts). Public and cacheable
// like the transcript exports: CORS, a strong ETag (304 on If-None-Match), a few minutes' cache.
import 'server-only'
import type { ApiDeps } from '@/lib/api/deps'
import { conditionalResponse, publicResourceHeaders } from '@/lib/http/conditional-get'
import { failureResponse } from '@/lib/http/json-response'
import { buildShowFeed, FEED_CONTENT_TYPE } from '@/lib/publish/show-feed'
import { readShowPublication } from '@/lib/publish/show-publication'

export async function showFeedHandler(
  deps: Pick<ApiDeps, 'db'>,
  slug: string,
  origin: string,
  request?: Pick<Request, 'headers'>,
): Promise<Response> {
  const show = await readShowPublication(deps.db, slug)
  if (!show.ok) return failureResponse(show.failure)
  return conditionalResponse(
    request,
    buildShowFeed(show.value, origin),
    publicResourceHeaders(FEED_CONTENT_TYPE),
  )
}
