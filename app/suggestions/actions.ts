'use server'
// Reviewing suggestions from /suggestions: accept or reject with a reason. The caller is
// resolved again here and the DAL checks the role; a failure (already reviewed, not a host)
// leaves the queue as it was and is shown at the top of the page.
import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { getCurrentCaller } from '@/lib/auth/session'
import { IdParamSchema } from '@/lib/comments/schemas'
import { correctionMessage } from '@/lib/corrections/failures'
import { RejectSchema } from '@/lib/corrections/schemas'
import { acceptSuggestion, rejectSuggestion } from '@/lib/corrections/suggestions'
import type { CorrectionFailure } from '@/lib/corrections/types'
import { prisma } from '@/lib/db/client'

function done(failure: CorrectionFailure | null, slug: unknown): never {
  revalidatePath('/suggestions')
  if (typeof slug === 'string') revalidatePath(`/episodes/${slug}`)
  redirect(failure ? `/suggestions?error=${encodeURIComponent(correctionMessage(failure))}` : '/suggestions')
}

export async function acceptSuggestionAction(form: FormData): Promise<void> {
  const id = IdParamSchema.safeParse(form.get('suggestionId'))
  if (!id.success) done({ error: 'not-found', what: 'suggestion' }, null)
  const result = await acceptSuggestion(prisma(), await getCurrentCaller(), id.data)
  done(result.ok ? null : result, form.get('slug'))
}

export async function rejectSuggestionAction(form: FormData): Promise<void> {
  const id = IdParamSchema.safeParse(form.get('suggestionId'))
  if (!id.success) done({ error: 'not-found', what: 'suggestion' }, null)
  const body = RejectSchema.safeParse({ reason: form.get('reason') })
  if (!body.success) done({ error: 'invalid', message: 'Say why the suggestion is rejected.' }, null)
  const result = await rejectSuggestion(prisma(), await getCurrentCaller(), id.data, body.data.reason)
  done(result.ok ? null : result, form.get('slug'))
}
