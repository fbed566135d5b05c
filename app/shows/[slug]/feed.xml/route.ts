// GET /shows/:slug/feed.xml — the show's Podcasting 2.0 feed with transcript tags (docs/api.md).
import { serverDeps } from '@/lib/api/deps'
import { showFeedHandler } from '@/lib/api/show-feed-api'
import { env, publicUrl } from '@/lib/env'
import { publicPreflightResponse } from '@/lib/http/conditional-get'

export const dynamic = 'force-dynamic'

export async function GET(request: Request, context: { params: Promise<{ slug: string }> }) {
  const origin = new URL(publicUrl(env)).origin
  return showFeedHandler(serverDeps(), (await context.params).slug, origin, request)
}

export function OPTIONS() {
  return publicPreflightResponse()
}
