// GET/HEAD /api/episodes/:slug/audio — the episode's stored audio, Range requests answered;
// PUT — upload it (hosts), streamed to disk (docs/api.md). proxy.ts does not run for this path
// (it would buffer a whole upload in memory first), so the responses get its headers here.
import { episodeAudioHandler } from '@/lib/api/audio-api'
import { serverDeps } from '@/lib/api/deps'
import { putAudioHandler, withApiHeaders } from '@/lib/api/studio-api'

export const dynamic = 'force-dynamic'

type Context = { params: Promise<{ slug: string }> }

export async function GET(request: Request, context: Context) {
  return withApiHeaders(await episodeAudioHandler(serverDeps(), request, (await context.params).slug))
}

export async function HEAD(request: Request, context: Context) {
  return withApiHeaders(await episodeAudioHandler(serverDeps(), request, (await context.params).slug))
}

export async function PUT(request: Request, context: Context) {
  return putAudioHandler(serverDeps(), request, (await context.params).slug)
}
