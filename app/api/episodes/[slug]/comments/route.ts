// GET /api/episodes/:slug/comments — documented in docs/api.md.
import type { NextRequest } from 'next/server'
import { listEpisodeCommentsHandler } from '@/lib/api/comment-api'
import { serverDeps } from '@/lib/api/deps'

export const dynamic = 'force-dynamic'

type Context = { params: Promise<{ slug: string }> }

export async function GET(request: NextRequest, context: Context) {
  return listEpisodeCommentsHandler(serverDeps(), request, (await context.params).slug)
}
