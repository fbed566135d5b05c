// GET /episodes/:slug/transcript.{vtt,srt,json,txt}: the transcript as it is now (with every
// correction), so other podcast apps get the fixes. Public, like the episode page.
import 'server-only'
import type { ApiDeps } from '@/lib/api/deps'
import { errorJson } from '@/lib/api/responses'
import { EXPORT_FORMATS, type ExportFormat } from '@/lib/transcripts/export-formats'

export async function exportTranscriptHandler(deps: Pick<ApiDeps, 'db'>, slug: string, format: ExportFormat) {
  const episode = await deps.db.episode.findUnique({
    where: { slug },
    select: {
      title: true,
      sentences: {
        orderBy: { position: 'asc' },
        select: { startMs: true, endMs: true, speaker: true, text: true },
      },
    },
  })
  if (!episode) return errorJson(404, `No episode ${slug}.`)
  const { contentType, render } = EXPORT_FORMATS[format]
  return new Response(render(episode.sentences, episode.title), {
    headers: {
      'Content-Type': contentType,
      'Content-Disposition': `inline; filename="${slug}.${format}"`,
      'Cache-Control': 'no-store',
    },
  })
}
