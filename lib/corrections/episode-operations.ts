// Episode-wide corrections for hosts: find and replace (preview, then apply) and renaming a
// speaker. Adapters: POST /api/episodes/:slug/{replace,speakers} (lib/api/episode-corrections-api.ts)
// and the episode page's tools (app/episodes/[slug]/episode-tool-actions.ts).
import 'server-only'
import { authorize } from '@/lib/auth/policy'
import { authorizeOnShow } from '@/lib/auth/show-access'
import { previewReplace, type ReplacementPreview } from '@/lib/corrections/find-replace'
import { RenameSpeakerSchema, ReplaceSchema } from '@/lib/corrections/schemas'
import type { OperationContext } from '@/lib/operations/context'
import { parseInput } from '@/lib/operations/input'
import { episodeBySlug } from '@/lib/operations/lookups'
import { failureMessage } from '@/lib/failures'
import { ok, unprocessable, type Result } from '@/lib/result'
import { renameSpeaker as renameInTranscript, replaceTexts } from '@/lib/sentences/episode-edits'
import { checkDerivedText } from '@/lib/sentences/sentence-text'
import { inWriteTransaction } from '@/lib/db/write-transaction'

export interface ReplaceOutcome {
  changes: ReplacementPreview[]
  /** false for a preview (nothing written). */
  applied: boolean
}

/** Previews a replacement, or applies it (`apply: true`) all or nothing at the versions previewed. */
export async function findAndReplace(
  ctx: OperationContext,
  input: { slug: string; body: unknown },
): Promise<Result<ReplaceOutcome>> {
  const caller = authorize(ctx.caller, 'edit-transcripts')
  if (!caller.ok) return caller
  const body = parseInput(ReplaceSchema, input.body)
  if (!body.ok) return body
  const episode = await episodeBySlug(ctx.db, input.slug)
  if (!episode.ok) return episode
  const onShow = await authorizeOnShow(ctx, 'edit-transcripts', episode.value.showId)
  if (!onShow.ok) return onShow
  const { apply, ...request } = body.value
  const changes = await previewReplace(ctx.db, episode.value, request)
  // A replacement that would make a sentence too long is refused at the preview already.
  for (const change of changes) {
    const checked = checkDerivedText(change.after)
    if (!checked.ok) return unprocessable(`Sentence ${change.sentenceId}: ${failureMessage(checked.failure)}`)
  }
  if (!apply) return ok({ changes, applied: false })
  const meta = {
    authorId: caller.value.id,
    kind: 'replace' as const,
    reason: `Replaced “${request.find}” with “${request.replace}”`,
  }
  const applied = await inWriteTransaction(ctx.sqlite, () =>
    replaceTexts(ctx.sqlite, changes, meta, ctx.now ?? new Date()),
  )
  return applied.ok ? ok({ changes, applied: true }) : applied
}

/** Renames a speaker on every sentence (one revision each) and segment heading of the episode. */
export async function renameSpeaker(
  ctx: OperationContext,
  input: { slug: string; body: unknown },
): Promise<Result<{ changed: number }>> {
  const caller = authorize(ctx.caller, 'edit-transcripts')
  if (!caller.ok) return caller
  const body = parseInput(RenameSpeakerSchema, input.body)
  if (!body.ok) return body
  const episode = await episodeBySlug(ctx.db, input.slug)
  if (!episode.ok) return episode
  const onShow = await authorizeOnShow(ctx, 'edit-transcripts', episode.value.showId)
  if (!onShow.ok) return onShow
  return inWriteTransaction(ctx.sqlite, () =>
    renameInTranscript(ctx.sqlite, episode.value.id, body.value, caller.value.id, ctx.now ?? new Date()),
  )
}
