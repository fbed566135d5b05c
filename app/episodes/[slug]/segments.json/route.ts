// GET /episodes/:slug/segments.json — the episode page's whole transcript in its compact
// encoding (lib/episodes/transcript-encoding.ts), which the page fetches when it carries only the
// first screens of a long transcript (app/episodes/[slug]/_components/transcript.tsx). Not a
// public format: transcript.json is (docs/api.md). Revalidated with its ETag on every use.
import { errorJson } from '@/lib/http/json-response'
import { conditionalResponse } from '@/lib/http/conditional-get'
import { getEpisodeTranscript } from '@/lib/episodes/reads'
import { transcriptPayload } from '@/lib/episodes/transcript-payload'

export const dynamic = 'force-dynamic'

export async function GET(request: Request, context: { params: Promise<{ slug: string }> }) {
  const episode = await getEpisodeTranscript((await context.params).slug)
  if (!episode) return errorJson(404, 'No such episode.')
  const payload = transcriptPayload(episode)
  // The payload's version is already a hash of these bytes: the ETag, without hashing them again.
  return conditionalResponse(
    request,
    payload.json,
    { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-cache' },
    `"${payload.version}"`,
  )
}
