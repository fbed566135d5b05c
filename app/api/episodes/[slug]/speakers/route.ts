// POST /api/episodes/:slug/speakers — documented in docs/api.md.
import type { NextRequest } from 'next/server'
import { serverDeps } from '@/lib/api/deps'
import { renameSpeakerHandler } from '@/lib/api/episode-corrections-api'

export const dynamic = 'force-dynamic'

export async function POST(request: NextRequest, context: { params: Promise<{ slug: string }> }) {
  return renameSpeakerHandler(serverDeps(), request, (await context.params).slug)
}
