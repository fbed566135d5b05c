// GET /episodes/:slug/transcript.vtt — the corrected transcript (docs/api.md).
import { serverDeps } from '@/lib/api/deps'
import { exportTranscriptHandler } from '@/lib/api/export-api'
import { publicPreflightResponse } from '@/lib/http/conditional-get'

export const dynamic = 'force-dynamic'

export async function GET(request: Request, context: { params: Promise<{ slug: string }> }) {
  return exportTranscriptHandler(serverDeps(), (await context.params).slug, 'vtt', request)
}

export function OPTIONS() {
  return publicPreflightResponse()
}
