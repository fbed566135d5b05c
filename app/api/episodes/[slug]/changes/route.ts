// GET /api/episodes/[slug]/changes — documented in docs/api.md.
import type { NextRequest } from 'next/server'
import { episodeChangesHandler } from '@/lib/api/change-api'
import { serverDeps } from '@/lib/api/deps'

export const dynamic = 'force-dynamic'

type Context = { params: Promise<{ slug: string }> }

export async function GET(request: NextRequest, context: Context) {
  return episodeChangesHandler(serverDeps(), request, (await context.params).slug)
}
