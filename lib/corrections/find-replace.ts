// Find and replace across an episode (or its whole show): the preview, every sentence the
// replacement would change with before and after. Applying it (lib/sentences/episode-edits.ts)
// writes ordinary revisions (kind "replace"), all or nothing: if any sentence changed since
// the preview read it, nothing is written and the conflict is returned.
import 'server-only'
import type { PrismaClient } from '@/lib/generated/prisma/client'
import { cleanSentenceText } from '@/lib/sentences/sentence-text'

/** What to replace; the same fields as ReplaceSchema without `apply`. */
export interface ReplaceRequest {
  find: string
  replace: string
  matchCase: boolean
  wholeWord: boolean
  /** episode: this episode only; show: every episode of its show. */
  scope: 'episode' | 'show'
}

export interface ReplacementPreview {
  sentenceId: number
  episodeSlug: string
  version: number
  before: string
  after: string
}

function pattern(request: ReplaceRequest): RegExp {
  const escaped = request.find.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const body = request.wholeWord ? `(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])` : escaped
  return new RegExp(body, request.matchCase ? 'gu' : 'giu')
}

/** Every sentence the replacement would change, in transcript order, with before and after. */
export async function previewReplace(
  db: PrismaClient,
  episode: { id: number; showId: number },
  request: ReplaceRequest,
): Promise<ReplacementPreview[]> {
  // SQLite's LIKE (Prisma's contains) narrows the rows; the regex decides case and word edges.
  const rows = await db.sentence.findMany({
    where: {
      text: { contains: request.find },
      ...(request.scope === 'show' ? { episode: { showId: episode.showId } } : { episodeId: episode.id }),
    },
    orderBy: [{ episodeId: 'asc' }, { position: 'asc' }],
    select: { id: true, text: true, version: true, episode: { select: { slug: true } } },
  })
  const regex = pattern(request)
  return rows.flatMap((row) => {
    // Cleaned as it will be stored, so the preview shows exactly what applying writes.
    const after = cleanSentenceText(row.text.replace(regex, () => request.replace)).trim()
    if (after === row.text || after === '') return []
    return [
      { sentenceId: row.id, episodeSlug: row.episode.slug, version: row.version, before: row.text, after },
    ]
  })
}
