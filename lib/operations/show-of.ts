// Which show a record belongs to, for the per-show host checks (lib/auth/show-access.ts), and
// the start of a host's write on one record with that check in it. A record that does not exist
// answers null here: the operation then reports its 404 where it always did.
import 'server-only'
import type { z } from 'zod'
import { authorize, type Permission } from '@/lib/auth/policy'
import { authorizeOnShow } from '@/lib/auth/show-access'
import type { PrismaClient } from '@/lib/generated/prisma/client'
import type { Caller } from '@/lib/auth/caller'
import type { OperationContext } from '@/lib/operations/context'
import { episodeBySlug, type EpisodeRef } from '@/lib/operations/lookups'
import { parseId, parseInput, type RecordInput } from '@/lib/operations/input'
import { ok, type Resource, type Result } from '@/lib/result'

type ShowOf = (db: PrismaClient, id: number) => Promise<number | null>

export const showOfSentence: ShowOf = async (db, id) =>
  (await db.sentence.findUnique({ where: { id }, select: { episode: { select: { showId: true } } } }))
    ?.episode.showId ?? null

export const showOfRevision: ShowOf = async (db, id) =>
  (await db.revision.findUnique({ where: { id }, select: { episode: { select: { showId: true } } } }))
    ?.episode.showId ?? null

export const showOfSuggestion: ShowOf = async (db, id) =>
  (await db.suggestion.findUnique({ where: { id }, select: { episode: { select: { showId: true } } } }))
    ?.episode.showId ?? null

export const showOfComment: ShowOf = async (db, id) =>
  (await db.comment.findUnique({ where: { id }, select: { episode: { select: { showId: true } } } }))?.episode
    .showId ?? null

const SHOW_OF: Partial<Record<Resource, ShowOf>> = {
  sentence: showOfSentence,
  revision: showOfRevision,
  suggestion: showOfSuggestion,
  comment: showOfComment,
}

/**
 * `recordInput` for a host's write on one record of a show: who (401/403 by role), which record
 * (404 for a malformed id), on which show (403 for a host without a grant on it), what (400).
 * A well-formed id naming no record passes on, so the write answers its 404 as before.
 */
export async function recordInputOnShow<T>(
  ctx: OperationContext,
  permission: Permission,
  raw: { id: unknown; what: Resource; body: unknown },
  schema: z.ZodType<T>,
): Promise<Result<RecordInput<T>>> {
  const byRole = authorize(ctx.caller, permission)
  if (!byRole.ok) return byRole
  const id = parseId(raw.id, raw.what)
  if (!id.ok) return id
  const showOf = SHOW_OF[raw.what]
  if (!showOf) throw new Error(`No show lookup for a ${raw.what}`)
  const showId = await showOf(ctx.db, id.value)
  if (showId !== null) {
    const onShow = await authorizeOnShow(ctx, permission, showId)
    if (!onShow.ok) return onShow
  }
  const body = parseInput(schema, raw.body)
  if (!body.ok) return body
  return ok({ caller: byRole.value, authorId: byRole.value.id, id: id.value, body: body.value })
}

/**
 * The start of a host's write on one episode named by its slug: who (401/403 by role), which
 * episode (404), on which show (403 for a host without a grant on it).
 */
export async function episodeOnShow(
  ctx: OperationContext,
  slug: unknown,
  permission: Permission,
): Promise<Result<{ caller: Caller; episode: EpisodeRef }>> {
  const caller = authorize(ctx.caller, permission)
  if (!caller.ok) return caller
  const episode = await episodeBySlug(ctx.db, slug)
  if (!episode.ok) return episode
  const onShow = await authorizeOnShow(ctx, permission, episode.value.showId)
  if (!onShow.ok) return onShow
  return ok({ caller: caller.value, episode: episode.value })
}
