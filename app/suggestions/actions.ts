'use server'
// Reviewing suggestions from /suggestions: accept, or reject with a reason. Adapters over the
// same operations as the JSON API (lib/suggestions/operations.ts). The page's plain forms post
// here and come back to the page; a failure (already reviewed, not a host) leaves the queue as
// it was and is shown at the top, in the words of lib/failures.ts.
import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { failureMessage } from '@/lib/failures'
import { currentContext } from '@/lib/operations/server-context'
import type { Result } from '@/lib/result'
import { acceptSuggestion, rejectSuggestion } from '@/lib/suggestions/operations'

function backToQueue(result: Result<unknown>, slug: FormDataEntryValue | null): never {
  revalidatePath('/suggestions')
  if (result.ok && typeof slug === 'string') revalidatePath(`/episodes/${slug}`)
  redirect(
    result.ok ? '/suggestions' : `/suggestions?error=${encodeURIComponent(failureMessage(result.failure))}`,
  )
}

export async function acceptSuggestionAction(form: FormData): Promise<void> {
  const result = await acceptSuggestion(await currentContext(), { suggestionId: form.get('suggestionId') })
  backToQueue(result, form.get('slug'))
}

export async function rejectSuggestionAction(form: FormData): Promise<void> {
  const result = await rejectSuggestion(await currentContext(), {
    suggestionId: form.get('suggestionId'),
    body: { reason: form.get('reason') },
  })
  backToQueue(result, form.get('slug'))
}
