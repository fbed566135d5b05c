// PATCH /api/episodes/:slug — { commentsEnabled } (hosts and admins); documented in docs/api.md.
import type { NextRequest } from 'next/server'
import { serverDeps } from '@/lib/api/deps'
import { episodeSettingsHandler } from '@/lib/api/moderation-api'

export const dynamic = 'force-dynamic'

type Context = { params: Promise<{ slug: string }> }

export async function PATCH(request: NextRequest, context: Context) {
  return episodeSettingsHandler(serverDeps(), request, (await context.params).slug)
}
