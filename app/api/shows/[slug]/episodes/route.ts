// POST /api/shows/:slug/episodes — an episode made by hand (hosts); documented in docs/api.md.
import { serverDeps } from '@/lib/api/deps'
import { createEpisodeHandler } from '@/lib/api/studio-api'

export const dynamic = 'force-dynamic'

export async function POST(request: Request, context: { params: Promise<{ slug: string }> }) {
  return createEpisodeHandler(serverDeps(), request, (await context.params).slug)
}
