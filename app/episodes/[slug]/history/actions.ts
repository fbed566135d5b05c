'use server'
// Reverting a whole change from the history page: an adapter over the same operation as
// POST /api/changes/:id/revert (lib/corrections/change-operations.ts), which resolves the caller
// and authorizes (a host of this show); the answer is a FormState in words.
import { revalidatePath } from 'next/cache'
import { revertChange } from '@/lib/corrections/change-operations'
import { toFormState, type FormState } from '@/lib/forms/form-state'
import { currentContext } from '@/lib/operations/server-context'

export async function revertChangeAction(
  slug: string,
  changeId: number,
): Promise<FormState<{ changeId: number; sentences: number }>> {
  const result = await revertChange(await currentContext(), { changeId, body: {} })
  if (result.ok) {
    revalidatePath(`/episodes/${slug}/history`)
    revalidatePath(`/episodes/${slug}`)
  }
  return toFormState(result, ({ changeId: revertId, sentences }) => ({ changeId: revertId, sentences }))
}
