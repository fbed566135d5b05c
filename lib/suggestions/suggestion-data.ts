// Reading and creating listener suggestions, as SuggestionDto (lib/corrections/types.ts).
// Reviewing writes through suggestion-sql.ts, in the same transaction as the sentence change.
import 'server-only'
import type { SuggestionDto, SuggestionStatus } from '@/lib/corrections/types'
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

export async function readSuggestion(db: PrismaClient, id: number): Promise<SuggestionDto | null> {
  const row = await db.suggestion.findUnique({ where: { id }, select: SUGGESTION_SELECT })
  return row ? toSuggestionDto(row) : null
}

export async function insertSuggestion(
  db: PrismaClient,
  fields: { episodeId: number; sentenceId: number; authorId: string; baseText: string; text: string },
): Promise<SuggestionDto> {
  return toSuggestionDto(await db.suggestion.create({ data: fields, select: SUGGESTION_SELECT }))
}

/** The pending queue, oldest first; or one author's suggestions, newest first. */
export async function findSuggestions(
  db: PrismaClient,
  /** The pending queue (of the shows `showId` names, every show without it), or an author's own. */
  which: { queue: true; showId?: { in: number[] } } | { authorId: string },
): Promise<SuggestionDto[]> {
  const queue = 'queue' in which
  const rows = await db.suggestion.findMany({
    where: queue
      ? { status: 'pending', ...(which.showId ? { episode: { showId: which.showId } } : {}) }
      : { authorId: which.authorId },
    orderBy: { id: queue ? 'asc' : 'desc' },
    take: 200,
    select: SUGGESTION_SELECT,
  })
  return rows.map(toSuggestionDto)
}
