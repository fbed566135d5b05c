// An episode's history as changes, and reverting one change as a whole (issue 13 item 3):
// one operation per use case. Adapters: GET /api/episodes/:slug/changes and
// POST /api/changes/:id/revert (lib/api/change-api.ts), and the history page with its revert
// button (app/episodes/[slug]/history/). docs/decisions/0015-changes-revert-as-one.md
import 'server-only'
import { authorize, roleAllows } from '@/lib/auth/policy'
import { authorizeOnShow, viewerOnShow } from '@/lib/auth/show-access'
import { episodeChangeAuthors, listEpisodeChanges, type ChangeFilter } from '@/lib/corrections/changes'
import { ChangeFilterSchema, RevertSchema } from '@/lib/corrections/schemas'
import type { ChangeDto } from '@/lib/corrections/types'
import { inWriteTransaction } from '@/lib/db/write-transaction'
import type { OperationContext } from '@/lib/operations/context'
import { parseId, parseInput } from '@/lib/operations/input'
import { episodeBySlug, type EpisodeRef } from '@/lib/operations/lookups'
import { notFound, ok, type Result } from '@/lib/result'
import { revertChange as revertInTranscript, type RevertedChange } from '@/lib/sentences/revert-change'

export interface EpisodeChanges {
  episode: EpisodeRef
  changes: ChangeDto[]
  /** Who made changes to this episode, for the author filter. */
  authors: { id: string; name: string }[]
  filter: ChangeFilter
  /** Whether the caller may revert here (a host of this show, an admin; not banned), for the UI. */
  canRevert: boolean
}

/** An episode's changes, newest first, filtered by sentence, author and kind (public). */
export async function episodeChanges(
  ctx: OperationContext,
  input: { slug: unknown; query: Record<string, unknown> },
): Promise<Result<EpisodeChanges>> {
  const episode = await episodeBySlug(ctx.db, input.slug)
  if (!episode.ok) return episode
  const query = parseInput(ChangeFilterSchema, input.query)
  if (!query.ok) return query
  const { sentence, author, kind, before } = query.value
  const filter: ChangeFilter = { sentenceId: sentence, authorId: author, kind }
  const [changes, authors, viewer] = await Promise.all([
    listEpisodeChanges(ctx.db, episode.value.id, { ...filter, before }),
    episodeChangeAuthors(ctx.db, episode.value.id),
    viewerOnShow(ctx.db, ctx.caller, episode.value.showId),
  ])
  const canRevert = viewer !== null && !viewer.bannedAt && roleAllows(viewer.role, 'edit-transcripts')
  return ok({ episode: episode.value, changes, authors, filter, canRevert })
}

/**
 * Reverts every revision of a change as one new change of kind `revert` (a revert of a revert
 * redoes). Checks in the API's order: who (401/403), which change (404), on which show (403 for a
 * host of other shows), what (400), then the rules (409 when a sentence changed since, 422).
 */
export async function revertChange(
  ctx: OperationContext,
  input: { changeId: unknown; body: unknown },
): Promise<Result<RevertedChange>> {
  const byRole = authorize(ctx.caller, 'edit-transcripts')
  if (!byRole.ok) return byRole
  const id = parseId(input.changeId, 'change')
  if (!id.ok) return id
  const change = await ctx.db.revisionChange.findUnique({
    where: { id: id.value },
    select: { episode: { select: { showId: true } } },
  })
  if (!change) return notFound('change')
  const caller = await authorizeOnShow(ctx, 'edit-transcripts', change.episode.showId)
  if (!caller.ok) return caller
  const body = parseInput(RevertSchema, input.body)
  if (!body.ok) return body
  const by = { authorId: caller.value.id, reason: body.value.reason }
  return inWriteTransaction(ctx.sqlite, () =>
    revertInTranscript(ctx.sqlite, id.value, by, ctx.now ?? new Date()),
  )
}
