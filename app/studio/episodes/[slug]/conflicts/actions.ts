'use server'
// "Keep mine" / "Take the new text" on the import conflict page: an adapter of
// lib/import/conflict-operations.ts. Back to the page, with the failure in words when refused.
import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { failureMessage } from '@/lib/failures'
import { resolveImportConflict } from '@/lib/import/conflict-operations'
import { isBoundedSlug } from '@/lib/operations/lookups'
import { currentContext } from '@/lib/operations/server-context'

export async function resolveConflictAction(form: FormData): Promise<void> {
  const slug = form.get('slug')
  const result = await resolveImportConflict(await currentContext(), {
    conflictId: form.get('conflictId'),
    body: { resolution: form.get('resolution') },
  })
  // The slug only builds the way back; the operation found the episode from the conflict.
  const page = isBoundedSlug(slug) ? `/studio/episodes/${encodeURIComponent(slug)}/conflicts` : '/studio'
  if (result.ok && isBoundedSlug(slug)) {
    revalidatePath(page)
    if (result.value.revisionId !== null) revalidatePath(`/episodes/${slug}`, 'layout')
  }
  redirect(result.ok ? page : `${page}?error=${encodeURIComponent(failureMessage(result.failure))}`)
}
