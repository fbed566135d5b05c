'use server'
// Episode-wide corrections from the episode page (hosts): find and replace with a preview,
// and renaming a speaker; adapters over the same operations as POST /api/episodes/:slug/{replace,speakers}.
import { revalidatePath } from 'next/cache'
import { findAndReplace, renameSpeaker, type ReplaceOutcome } from '@/lib/corrections/episode-operations'
import { toFormState, type FormState } from '@/lib/forms/form-state'
import { currentContext } from '@/lib/operations/server-context'

export async function replaceAction(slug: string, body: unknown): Promise<FormState<ReplaceOutcome>> {
  const result = await findAndReplace(await currentContext(), { slug, body })
  // A whole-show replacement changes other episodes' pages too.
  if (result.ok && result.value.applied) revalidatePath('/episodes/[slug]', 'page')
  return toFormState(result, (outcome) => outcome)
}

export async function renameSpeakerAction(
  slug: string,
  body: unknown,
): Promise<FormState<{ changed: number }>> {
  const result = await renameSpeaker(await currentContext(), { slug, body })
  if (result.ok) revalidatePath(`/episodes/${slug}`)
  return toFormState(result, (renamed) => renamed)
}
