// POST /api/episodes/:slug/replace — documented in docs/api.md.
import type { NextRequest } from 'next/server'
import { serverDeps } from '@/lib/api/deps'
import { replaceHandler } from '@/lib/api/episode-corrections-api'

export const dynamic = 'force-dynamic'

export async function POST(request: NextRequest, context: { params: Promise<{ slug: string }> }) {
  return replaceHandler(serverDeps(), request, (await context.params).slug)
}
