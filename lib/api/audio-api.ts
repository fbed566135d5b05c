// GET and HEAD /api/episodes/:slug/audio — the episode's stored audio, with Range support
// (lib/media/serve-file.ts). The file is found through the episode, never through the URL.
import 'server-only'
import type { ApiDeps } from '@/lib/api/deps'
import { errorJson, failureResponse } from '@/lib/http/json-response'
import { episodeAudioFile } from '@/lib/media/operations'
import { serveFile } from '@/lib/media/serve-file'

export const NO_STORED_AUDIO = 'This episode has no audio stored here.'

export async function episodeAudioHandler(
  deps: Pick<ApiDeps, 'db' | 'sqlite'>,
  request: Request,
  slug: string,
): Promise<Response> {
  const found = await episodeAudioFile(deps, { slug })
  if (!found.ok) return failureResponse(found.failure)
  const response = found.value ? await serveFile(request, found.value) : null
  return response ?? errorJson(404, NO_STORED_AUDIO)
}
