// Find and replace across an episode (or its whole show), previewed first and applied as
// ordinary revisions (kind "replace"), all or nothing: if any sentence changed since it was
// read, nothing is written and the conflict is returned.
import 'server-only'
import type { Caller } from '@/lib/auth/caller'
import { editorFailure } from '@/lib/corrections/access'
import { applyChange } from '@/lib/corrections/edits'
import type { CorrectionFailure, CorrectionResult } from '@/lib/corrections/types'
import type { PrismaClient } from '@/lib/generated/prisma/client'

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

async function showIdOf(db: PrismaClient, episodeId: number): Promise<number> {
  const episode = await db.episode.findUniqueOrThrow({ where: { id: episodeId }, select: { showId: true } })
  return episode.showId
}

/** Every sentence the replacement would change, in transcript order, with before and after. */
export async function previewReplace(
  db: PrismaClient,
  episodeId: number,
  request: ReplaceRequest,
): Promise<ReplacementPreview[]> {
  // SQLite's LIKE (Prisma's contains) narrows the rows; the regex decides case and word edges.
  const rows = await db.sentence.findMany({
    where: {
      text: { contains: request.find },
      ...(request.scope === 'show' ? { episode: { showId: await showIdOf(db, episodeId) } } : { episodeId }),
    },
    orderBy: [{ episodeId: 'asc' }, { position: 'asc' }],
    select: { id: true, text: true, version: true, episode: { select: { slug: true } } },
  })
  const regex = pattern(request)
  return rows.flatMap((row) => {
    const after = row.text.replace(regex, () => request.replace).trim()
    if (after === row.text || after === '') return []
    return [
      { sentenceId: row.id, episodeSlug: row.episode.slug, version: row.version, before: row.text, after },
    ]
  })
}

class Rollback extends Error {
  constructor(readonly failure: CorrectionFailure) {
    super(failure.error)
  }
}

/** Applies a preview's changes at the versions it read. */
export async function applyReplace(
  db: PrismaClient,
  caller: Caller | null,
  changes: readonly ReplacementPreview[],
  request: ReplaceRequest,
): Promise<CorrectionResult<{ changed: number }>> {
  const refused = editorFailure(caller)
  if (refused || !caller) return { ok: false, ...(refused ?? { error: 'unauthenticated' }) }
  const reason = `Replaced “${request.find}” with “${request.replace}”`
  try {
    await db.$transaction(async (tx) => {
      for (const change of changes) {
        const applied = await applyChange(
          tx,
          change.sentenceId,
          { text: change.after, version: change.version },
          { authorId: caller.id, kind: 'replace', reason },
        )
        if (!applied.ok) throw new Rollback(applied)
      }
    })
  } catch (error) {
    if (error instanceof Rollback) return { ok: false, ...error.failure }
    throw error
  }
  return { ok: true, changed: changes.length }
}
