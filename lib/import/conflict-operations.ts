// The import conflicts of an episode, for the studio's conflict page: the sentences a re-import
// left with the host's version (docs/decisions/0011-reimport-keeps-host-work.md), each with the
// text the last import wrote, the host's and the new transcript's; and the host's answer to one
// of them, "keep mine" or "take the new text" (lib/sentences/import-conflict-resolution.ts).
// Hosts of the episode's show and admins only.
import 'server-only'
import { z } from 'zod'
import { authorize } from '@/lib/auth/policy'
import { authorizeOnShow } from '@/lib/auth/show-access'
import { inWriteTransaction } from '@/lib/db/write-transaction'
import type { OperationContext } from '@/lib/operations/context'
import { parseId, parseInput } from '@/lib/operations/input'
import { episodeBySlug, type EpisodeRef } from '@/lib/operations/lookups'
import { notFound, ok, type Result } from '@/lib/result'
import {
  importConflictEpisodeId,
  resolveImportConflictRow,
  type ConflictResolution,
} from '@/lib/sentences/import-conflict-resolution'
import type { ReimportConflict } from '@/lib/sentences/reimport-conflict'

/** The page lists at most this many open conflicts (in transcript order); resolving some shows the rest. */
export const CONFLICT_PAGE_LIMIT = 200

/** One open conflict: the three versions as the re-import recorded them (lib/sentences/reimport-conflict.ts). */
export interface OpenImportConflict extends Pick<
  ReimportConflict,
  'oldText' | 'hostText' | 'newText' | 'oldSpeaker' | 'hostSpeaker' | 'newSpeaker'
> {
  id: number
  sentenceId: number | null
  /** The sentence's position now (0-based); null when it is gone. */
  position: number | null
  /** The sentence's text now (the host may have changed it again since); null when it is gone. */
  currentText: string | null
  /** The file name or transcript URL the new text came from. */
  source: string
  fields: string[]
  createdAt: Date
}

export interface EpisodeConflicts {
  episode: EpisodeRef & { show: { slug: string; title: string } }
  conflicts: OpenImportConflict[]
  /** How many are open in all (the list stops at CONFLICT_PAGE_LIMIT). */
  open: number
}

/** The unresolved conflicts of the episode `slug`, in transcript order. */
export async function episodeImportConflicts(
  ctx: OperationContext,
  input: { slug: unknown },
): Promise<Result<EpisodeConflicts>> {
  const byRole = authorize(ctx.caller, 'edit-transcripts')
  if (!byRole.ok) return byRole
  const episode = await episodeBySlug(ctx.db, input.slug)
  if (!episode.ok) return episode
  const onShow = await authorizeOnShow(ctx, 'edit-transcripts', episode.value.showId)
  if (!onShow.ok) return onShow
  const where = { episodeId: episode.value.id, resolvedAt: null }
  const [show, rows, open] = await Promise.all([
    ctx.db.show.findUniqueOrThrow({
      where: { id: episode.value.showId },
      select: { slug: true, title: true },
    }),
    ctx.db.importConflict.findMany({
      where,
      include: { sentence: { select: { position: true, text: true } } },
      // Transcript order (conflicts of sentences gone since sort first in SQL; moved last below).
      orderBy: [{ sentence: { position: 'asc' } }, { id: 'asc' }],
      take: CONFLICT_PAGE_LIMIT,
    }),
    ctx.db.importConflict.count({ where }),
  ])
  const conflicts = rows.map(
    ({ sentence, fields, episodeId: _episodeId, resolvedAt: _r, resolution: _s, ...row }) => ({
      ...row,
      fields: fields.split(',').filter(Boolean),
      position: sentence?.position ?? null,
      currentText: sentence?.text ?? null,
    }),
  )
  const gone = conflicts.filter((conflict) => conflict.position === null)
  const present = conflicts.filter((conflict) => conflict.position !== null)
  return ok({ episode: { ...episode.value, show }, conflicts: [...present, ...gone], open })
}

const ResolveSchema = z.strictObject({
  resolution: z.enum(['kept', 'took-new'], { error: 'resolution must be "kept" or "took-new"' }),
})

/**
 * The host's answer to conflict `conflictId`; `body` is `{ resolution: 'kept' | 'took-new' }`.
 * Taking the new text writes an `import` revision authored by the host; keeping writes nothing
 * but the answer. Either closes the conflict (422 when it was closed already).
 */
export async function resolveImportConflict(
  ctx: OperationContext,
  input: { conflictId: unknown; body: unknown },
): Promise<Result<{ resolution: ConflictResolution; sentenceId: number | null; revisionId: number | null }>> {
  const byRole = authorize(ctx.caller, 'edit-transcripts')
  if (!byRole.ok) return byRole
  const id = parseId(input.conflictId, 'import conflict')
  if (!id.ok) return id
  const body = parseInput(ResolveSchema, input.body)
  if (!body.ok) return body
  const episodeId = importConflictEpisodeId(ctx.sqlite, id.value)
  if (episodeId === null) return notFound('import conflict')
  const episode = await ctx.db.episode.findUniqueOrThrow({
    where: { id: episodeId },
    select: { showId: true },
  })
  const onShow = await authorizeOnShow(ctx, 'edit-transcripts', episode.showId)
  if (!onShow.ok) return onShow
  const { resolution } = body.value
  const resolved = await inWriteTransaction(ctx.sqlite, () =>
    resolveImportConflictRow(
      ctx.sqlite,
      id.value,
      { resolution, hostId: onShow.value.id },
      ctx.now ?? new Date(),
    ),
  )
  return resolved.ok ? ok({ resolution, ...resolved.value }) : resolved
}
