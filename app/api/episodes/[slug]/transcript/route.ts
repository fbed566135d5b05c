// PUT /api/episodes/:slug/transcript — upload or replace the transcript file (hosts); docs/api.md.
import { serverDeps } from '@/lib/api/deps'
import { putTranscriptHandler } from '@/lib/api/studio-api'

export const dynamic = 'force-dynamic'

export async function PUT(request: Request, context: { params: Promise<{ slug: string }> }) {
  return putTranscriptHandler(serverDeps(), request, (await context.params).slug)
}
