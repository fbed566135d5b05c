// Listener suggestions, one operation per use case: anyone signed in ('write') proposes a new
// text for a sentence; hosts ('edit-transcripts') accept it (the text becomes a revision
// credited to the suggester, through the sentence module) or reject it with a reason. The
// suggester sees the outcome in their own list. Adapters: lib/api/suggestion-api.ts,
// app/episodes/[slug]/correction-actions.ts (suggest) and app/suggestions/actions.ts (review).
import 'server-only'
import type { z } from 'zod'
import { authorize, roleAllows } from '@/lib/auth/policy'
import { showIdFilter, showsOf } from '@/lib/auth/show-access'
import { AcceptSchema, RejectSchema, SuggestSchema } from '@/lib/corrections/schemas'
import type { SuggestionDto } from '@/lib/corrections/types'
import type { OperationContext } from '@/lib/operations/context'
import { recordInput } from '@/lib/operations/input'
import { recordInputOnShow } from '@/lib/operations/show-of'
import { fail, notFound, ok, unprocessable, type Result } from '@/lib/result'
import { changeSentenceAsItIs } from '@/lib/sentences/edit'
import { cleanSentenceText } from '@/lib/sentences/sentence-text'
import { inWriteTransaction } from '@/lib/db/write-transaction'
import { notifySuggestionDecision } from '@/lib/notifications/notify'
import { findSuggestions, insertSuggestion, readSuggestion } from '@/lib/suggestions/suggestion-data'
import {
  markReviewed,
  suggestionForReview,
  type SuggestionUnderReview,
} from '@/lib/suggestions/suggestion-sql'

export async function suggestFix(
  ctx: OperationContext,
  input: { sentenceId: unknown; body: unknown },
): Promise<Result<SuggestionDto>> {
  const suggest = recordInput(
    ctx,
    'write',
    { id: input.sentenceId, what: 'sentence', body: input.body },
    SuggestSchema,
  )
  if (!suggest.ok) return suggest
  const { authorId, id, body } = suggest.value
  const sentence = await ctx.db.sentence.findUnique({
    where: { id },
    select: { episodeId: true, text: true },
  })
  if (!sentence) return notFound('sentence')
  const text = cleanSentenceText(body.text)
  if (sentence.text === text) return unprocessable('The suggestion is the same as the sentence.')
  return ok(
    await insertSuggestion(ctx.db, {
      episodeId: sentence.episodeId,
      sentenceId: id,
      authorId,
      baseText: sentence.text,
      text,
    }),
  )
}

/** GET /api/suggestions: for hosts the pending queue (unless `mine`), for everyone else their own. */
export async function listSuggestions(
  ctx: OperationContext,
  input: { mine?: boolean } = {},
): Promise<Result<SuggestionDto[]>> {
  const caller = authorize(ctx.caller, 'write')
  if (!caller.ok) return caller
  if (!input.mine && roleAllows(caller.value.role, 'edit-transcripts')) return reviewQueue(ctx)
  return ok(await findSuggestions(ctx.db, { authorId: caller.value.id }))
}

/** The suggestions waiting for a host's review on the shows they host, oldest first. */
export async function reviewQueue(ctx: OperationContext): Promise<Result<SuggestionDto[]>> {
  const caller = authorize(ctx.caller, 'edit-transcripts')
  if (!caller.ok) return caller
  const showId = showIdFilter(await showsOf(ctx.db, caller.value))
  return ok(await findSuggestions(ctx.db, { queue: true, showId }))
}

/** Applies the suggested text on top of the sentence as it is now, credited to the suggester. */
export async function acceptSuggestion(
  ctx: OperationContext,
  input: { suggestionId: unknown; body?: unknown },
): Promise<Result<SuggestionDto>> {
  return review(ctx, input, AcceptSchema, (suggestion, reviewerId, now) => {
    if (suggestion.sentenceId === null) return notFound('sentence')
    const applied = changeSentenceAsItIs(
      ctx.sqlite,
      suggestion.sentenceId,
      { text: suggestion.text },
      {
        authorId: reviewerId,
        kind: 'suggestion',
        creditedToId: suggestion.authorId,
        reason: `Suggestion ${suggestion.id}`,
      },
      now,
    )
    if (!applied.ok) return applied
    return ok({ status: 'accepted', reviewNote: '', revisionId: applied.value.revisionId })
  })
}

export async function rejectSuggestion(
  ctx: OperationContext,
  input: { suggestionId: unknown; body: unknown },
): Promise<Result<SuggestionDto>> {
  return review(ctx, input, RejectSchema, (_suggestion, _reviewerId, _now, body) =>
    ok({ status: 'rejected', reviewNote: body.reason, revisionId: null }),
  )
}

type Decision = { status: 'accepted' | 'rejected'; reviewNote: string; revisionId: number | null }

/** Accept and reject alike: a host, a suggestion still pending, the decision and its record in one transaction. */
async function review<B>(
  ctx: OperationContext,
  input: { suggestionId: unknown; body?: unknown },
  schema: z.ZodType<B>,
  decide: (suggestion: SuggestionUnderReview, reviewerId: string, now: Date, body: B) => Result<Decision>,
): Promise<Result<SuggestionDto>> {
  const raw = { id: input.suggestionId, what: 'suggestion' as const, body: input.body ?? {} }
  const parsed = await recordInputOnShow(ctx, 'edit-transcripts', raw, schema)
  if (!parsed.ok) return parsed
  const { authorId: reviewerId, id, body } = parsed.value
  const now = ctx.now ?? new Date()
  const reviewed = await inWriteTransaction(ctx.sqlite, () => {
    const pending = suggestionForReview(ctx.sqlite, id)
    if (!pending) return notFound('suggestion')
    if (pending.status !== 'pending') return fail({ error: 'already-reviewed' })
    const decision = decide(pending, reviewerId, now, body)
    if (!decision.ok) return decision
    const record = { ...decision.value, reviewerId, reviewedAt: now.toISOString() }
    if (!markReviewed(ctx.sqlite, id, record)) return fail({ error: 'already-reviewed' })
    notifySuggestionDecision(ctx.sqlite, id, { status: decision.value.status, reviewerId, now })
    return ok(null)
  })
  if (!reviewed.ok) return reviewed
  const suggestion = await readSuggestion(ctx.db, id)
  return suggestion ? ok(suggestion) : notFound('suggestion')
}
