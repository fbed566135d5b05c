'use server'
// Transcript corrections from the episode page: edit, revert, split, merge and suggest. Each
// action validates with the API's own schemas, resolves the caller again (actions are public
// POST endpoints) and calls the same DAL as the JSON API; failures come back as values.
import { revalidatePath } from 'next/cache'
import { getCurrentCaller } from '@/lib/auth/session'
import { editSentence } from '@/lib/corrections/edits'
import { correctionMessage } from '@/lib/corrections/failures'
import { revertRevision } from '@/lib/corrections/revisions'
import { EditSentenceSchema, MergeSchema, SplitSchema, SuggestSchema } from '@/lib/corrections/schemas'
import { mergeWithNext, splitSentence } from '@/lib/corrections/split-merge'
import { createSuggestion } from '@/lib/corrections/suggestions'
import type { CorrectionFailure, SentenceChange, SentenceDto } from '@/lib/corrections/types'
import { IdParamSchema } from '@/lib/comments/schemas'
import { issuesMessage } from '@/lib/api/responses'
import { prisma } from '@/lib/db/client'

export type CorrectionState =
  | { status: 'saved' }
  | { status: 'conflict'; current: SentenceDto; yours: SentenceChange & { version: number } }
  | { status: 'failed'; message: string }

function failed(failure: CorrectionFailure): CorrectionState {
  if (failure.error === 'conflict')
    return { status: 'conflict', current: failure.current, yours: failure.yours }
  return { status: 'failed', message: correctionMessage(failure) }
}

function saved(slug: string): CorrectionState {
  revalidatePath(`/episodes/${slug}`)
  return { status: 'saved' }
}

function parseId(value: unknown): number | null {
  const id = IdParamSchema.safeParse(value)
  return id.success ? id.data : null
}

export async function editSentenceAction(
  slug: string,
  sentenceId: number,
  input: unknown,
): Promise<CorrectionState> {
  const id = parseId(sentenceId)
  const parsed = EditSentenceSchema.safeParse(input)
  if (!parsed.success) return { status: 'failed', message: issuesMessage(parsed.error) }
  if (id === null) return failed({ error: 'not-found', what: 'sentence' })
  const result = await editSentence(prisma(), await getCurrentCaller(), id, parsed.data)
  return result.ok ? saved(slug) : failed(result)
}

export async function revertRevisionAction(slug: string, revisionId: number): Promise<CorrectionState> {
  const id = parseId(revisionId)
  if (id === null) return failed({ error: 'not-found', what: 'revision' })
  const result = await revertRevision(prisma(), await getCurrentCaller(), id)
  return result.ok ? saved(slug) : failed(result)
}

export async function splitSentenceAction(
  slug: string,
  sentenceId: number,
  input: unknown,
): Promise<CorrectionState> {
  const id = parseId(sentenceId)
  const parsed = SplitSchema.safeParse(input)
  if (!parsed.success) return { status: 'failed', message: issuesMessage(parsed.error) }
  if (id === null) return failed({ error: 'not-found', what: 'sentence' })
  const result = await splitSentence(prisma(), await getCurrentCaller(), id, parsed.data)
  return result.ok ? saved(slug) : failed(result)
}

export async function mergeSentenceAction(
  slug: string,
  sentenceId: number,
  input: unknown,
): Promise<CorrectionState> {
  const id = parseId(sentenceId)
  const parsed = MergeSchema.safeParse(input)
  if (!parsed.success) return { status: 'failed', message: issuesMessage(parsed.error) }
  if (id === null) return failed({ error: 'not-found', what: 'sentence' })
  const result = await mergeWithNext(prisma(), await getCurrentCaller(), id, parsed.data.version)
  return result.ok ? saved(slug) : failed(result)
}

export async function suggestFixAction(
  slug: string,
  sentenceId: number,
  input: unknown,
): Promise<CorrectionState> {
  const id = parseId(sentenceId)
  const parsed = SuggestSchema.safeParse(input)
  if (!parsed.success) return { status: 'failed', message: issuesMessage(parsed.error) }
  if (id === null) return failed({ error: 'not-found', what: 'sentence' })
  const result = await createSuggestion(prisma(), await getCurrentCaller(), id, parsed.data.text)
  if (!result.ok) return failed(result)
  revalidatePath('/suggestions')
  return saved(slug)
}
