// PATCH /api/episodes/:slug — { commentsEnabled } (hosts and admins), or the episode's metadata
// (hosts); documented in docs/api.md.
import type { NextRequest } from 'next/server'
import { serverDeps } from '@/lib/api/deps'
import { patchEpisodeHandler } from '@/lib/api/studio-api'

export const dynamic = 'force-dynamic'

type Context = { params: Promise<{ slug: string }> }

export async function PATCH(request: NextRequest, context: Context) {
  return patchEpisodeHandler(serverDeps(), request, (await context.params).slug)
}
