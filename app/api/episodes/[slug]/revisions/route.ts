// GET /api/episodes/[slug]/revisions — documented in docs/api.md.
import type { NextRequest } from 'next/server'
import { episodeRevisionsHandler } from '@/lib/api/correction-api'
import { serverDeps } from '@/lib/api/deps'

export const dynamic = 'force-dynamic'

type Context = { params: Promise<{ slug: string }> }

export async function GET(request: NextRequest, context: Context) {
  return episodeRevisionsHandler(serverDeps(), request, (await context.params).slug)
}
