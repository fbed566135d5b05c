// Listener suggestions: anyone signed in proposes a new text for a sentence; hosts accept
// (the text becomes a revision credited to the suggester) or reject with a reason. The
// suggester sees the outcome in their own list.
import 'server-only'
import type { Caller } from '@/lib/auth/caller'
import { canModerate } from '@/lib/auth/roles'
import { editorFailure, writerFailure } from '@/lib/corrections/access'
import { applyChange } from '@/lib/corrections/edits'
import type { CorrectionResult, SuggestionDto, SuggestionStatus } from '@/lib/corrections/types'
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client'

const SUGGESTION_SELECT = {
  id: true,
  episodeId: true,
  sentenceId: true,
  baseText: true,
  text: true,
  status: true,
  reviewNote: true,
  revisionId: true,
  createdAt: true,
  reviewedAt: true,
  episode: { select: { slug: true } },
  sentence: { select: { text: true } },
  author: { select: { id: true, name: true } },
  reviewer: { select: { id: true, name: true } },
} as const

function toSuggestionDto(
  row: Prisma.SuggestionGetPayload<{ select: typeof SUGGESTION_SELECT }>,
): SuggestionDto {
  const { episode, sentence, createdAt, reviewedAt, status, ...rest } = row
  return {
    ...rest,
    status: status as SuggestionStatus,
    episodeSlug: episode.slug,
    currentText: sentence?.text ?? null,
    createdAt: createdAt.toISOString(),
    reviewedAt: reviewedAt?.toISOString() ?? null,
  }
}

export async function createSuggestion(
  db: PrismaClient,
  caller: Caller | null,
  sentenceId: number,
  text: string,
): Promise<CorrectionResult<{ suggestion: SuggestionDto }>> {
  const refused = writerFailure(caller)
  if (refused || !caller) return { ok: false, ...(refused ?? { error: 'unauthenticated' }) }
  const sentence = await db.sentence.findUnique({
    where: { id: sentenceId },
    select: { episodeId: true, text: true },
  })
  if (!sentence) return { ok: false, error: 'not-found', what: 'sentence' }
  if (sentence.text === text)
    return { ok: false, error: 'invalid', message: 'The suggestion is the same as the sentence.' }
  const row = await db.suggestion.create({
    data: { episodeId: sentence.episodeId, sentenceId, authorId: caller.id, baseText: sentence.text, text },
    select: SUGGESTION_SELECT,
  })
  return { ok: true, suggestion: toSuggestionDto(row) }
}

/** Hosts: the pending queue, oldest first. Everyone else: their own suggestions, newest first. */
export async function listSuggestions(
  db: PrismaClient,
  caller: Caller | null,
  options: { mine?: boolean } = {},
): Promise<CorrectionResult<{ suggestions: SuggestionDto[] }>> {
  const refused = writerFailure(caller)
  if (refused || !caller) return { ok: false, ...(refused ?? { error: 'unauthenticated' }) }
  const queue = canModerate(caller.role) && !options.mine
  const rows = await db.suggestion.findMany({
    where: queue ? { status: 'pending' } : { authorId: caller.id },
    orderBy: { id: queue ? 'asc' : 'desc' },
    take: 200,
    select: SUGGESTION_SELECT,
  })
  return { ok: true, suggestions: rows.map(toSuggestionDto) }
}

type Reviewed = CorrectionResult<{ suggestion: SuggestionDto }>

/** Applies the suggested text on top of the sentence as it is now, credited to the suggester. */
export async function acceptSuggestion(
  db: PrismaClient,
  caller: Caller | null,
  id: number,
): Promise<Reviewed> {
  const refused = editorFailure(caller)
  if (refused || !caller) return { ok: false, ...(refused ?? { error: 'unauthenticated' }) }
  return db.$transaction(async (tx): Promise<Reviewed> => {
    const suggestion = await tx.suggestion.findUnique({ where: { id } })
    if (!suggestion) return { ok: false, error: 'not-found', what: 'suggestion' }
    if (suggestion.status !== 'pending') return { ok: false, error: 'already-reviewed' }
    if (suggestion.sentenceId === null) return { ok: false, error: 'not-found', what: 'sentence' }
    const sentence = await tx.sentence.findUnique({
      where: { id: suggestion.sentenceId },
      select: { version: true },
    })
    if (!sentence) return { ok: false, error: 'not-found', what: 'sentence' }
    const applied = await applyChange(
      tx,
      suggestion.sentenceId,
      { text: suggestion.text, version: sentence.version },
      {
        authorId: caller.id,
        kind: 'suggestion',
        creditedToId: suggestion.authorId,
        reason: `Suggestion ${id}`,
      },
    )
    if (!applied.ok) return applied
    const row = await tx.suggestion.update({
      where: { id },
      data: {
        status: 'accepted',
        reviewerId: caller.id,
        reviewedAt: new Date(),
        revisionId: applied.revisionId,
      },
      select: SUGGESTION_SELECT,
    })
    return { ok: true, suggestion: toSuggestionDto(row) }
  })
}

export async function rejectSuggestion(
  db: PrismaClient,
  caller: Caller | null,
  id: number,
  reason: string,
): Promise<Reviewed> {
  const refused = editorFailure(caller)
  if (refused || !caller) return { ok: false, ...(refused ?? { error: 'unauthenticated' }) }
  const updated = await db.suggestion.updateMany({
    where: { id, status: 'pending' },
    data: { status: 'rejected', reviewerId: caller.id, reviewedAt: new Date(), reviewNote: reason },
  })
  const row = await db.suggestion.findUnique({ where: { id }, select: SUGGESTION_SELECT })
  if (!row) return { ok: false, error: 'not-found', what: 'suggestion' }
  if (updated.count === 0) return { ok: false, error: 'already-reviewed' }
  return { ok: true, suggestion: toSuggestionDto(row) }
}
