'use server'
// Transcript corrections from the episode page: edit, revert, split, merge and suggest. Each
// action is an adapter over the same operation as the JSON API (lib/corrections/operations.ts,
// lib/suggestions/operations.ts), which resolves the caller and authorizes; the answer is a
// FormState (a conflict carries both versions, so the editor can show them).
import { revalidatePath } from 'next/cache'
import { editSentence, mergeSentence, revertRevision, splitSentence } from '@/lib/corrections/operations'
import { toFormState, type FormState } from '@/lib/forms/form-state'
import { currentContext } from '@/lib/operations/server-context'
import type { Result } from '@/lib/result'
import { suggestFix } from '@/lib/suggestions/operations'

function answer<T>(result: Result<T>, ...paths: string[]): FormState {
  if (result.ok) for (const path of paths) revalidatePath(path)
  return toFormState(result)
}

export async function editSentenceAction(
  slug: string,
  sentenceId: number,
  body: unknown,
): Promise<FormState> {
  return answer(await editSentence(await currentContext(), { sentenceId, body }), `/episodes/${slug}`)
}

export async function revertRevisionAction(slug: string, revisionId: number): Promise<FormState> {
  return answer(await revertRevision(await currentContext(), { revisionId, body: {} }), `/episodes/${slug}`)
}

export async function splitSentenceAction(
  slug: string,
  sentenceId: number,
  body: unknown,
): Promise<FormState> {
  return answer(await splitSentence(await currentContext(), { sentenceId, body }), `/episodes/${slug}`)
}

export async function mergeSentenceAction(
  slug: string,
  sentenceId: number,
  body: unknown,
): Promise<FormState> {
  return answer(await mergeSentence(await currentContext(), { sentenceId, body }), `/episodes/${slug}`)
}

export async function suggestFixAction(slug: string, sentenceId: number, body: unknown): Promise<FormState> {
  return answer(
    await suggestFix(await currentContext(), { sentenceId, body }),
    '/suggestions',
    `/episodes/${slug}`,
  )
}
