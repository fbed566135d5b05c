'use server'
// Comment and moderation actions of the episode page: adapters of lib/comments/operations.ts
// and lib/moderation/operations.ts, the same operations the JSON API calls. Form fields
// become the operation's input as the API's JSON would; the operation checks everything.
import { revalidatePath } from 'next/cache'
import { createComment, deleteComment, editComment, reportComment } from '@/lib/comments/operations'
import { toFormState, type FormState } from '@/lib/forms/form-state'
import { moderateComment, setCommentsEnabled } from '@/lib/moderation/operations'
import { currentContext } from '@/lib/operations/server-context'
import type { Result } from '@/lib/result'
import { banUser } from '@/lib/users/operations'

/** Saved, and the episode page (and the queue, for moderation) show the change. */
function refreshed(form: FormData, result: Result<unknown>, paths: string[] = []): FormState {
  const slug = form.get('slug')
  if (result.ok && typeof slug === 'string') revalidatePath(`/episodes/${slug}`)
  if (result.ok) for (const path of paths) revalidatePath(path)
  return toFormState(result)
}

/** An empty parentId field is a top-level comment; anything else goes to the schema as a number. */
function parentIdField(form: FormData): number | null {
  const value = form.get('parentId')
  return value === null || value === '' ? null : Number(value)
}

/** Answers the new comment's id, so the form can move focus to it. */
export async function createCommentAction(form: FormData): Promise<FormState<{ commentId: number }>> {
  const body = { body: form.get('body'), parentId: parentIdField(form) }
  const result = await createComment(await currentContext(), { sentenceId: form.get('sentenceId'), body })
  refreshed(form, result)
  return toFormState(result, (comment) => ({ commentId: comment.id }))
}

export async function editCommentAction(form: FormData): Promise<FormState> {
  const body = { body: form.get('body') }
  return refreshed(
    form,
    await editComment(await currentContext(), { commentId: form.get('commentId'), body }),
  )
}

export async function deleteCommentAction(form: FormData): Promise<FormState> {
  return refreshed(form, await deleteComment(await currentContext(), { commentId: form.get('commentId') }))
}

export async function reportCommentAction(form: FormData): Promise<FormState> {
  // Nothing on the page changes for the reporter; the queue is the hosts' page.
  return toFormState(
    await reportComment(await currentContext(), { commentId: form.get('commentId'), body: {} }),
  )
}

export async function moderateCommentAction(form: FormData): Promise<FormState> {
  const body = { action: form.get('action') }
  const result = await moderateComment(await currentContext(), { commentId: form.get('commentId'), body })
  return refreshed(form, result, ['/moderation'])
}

/** "Ban author" / "Unban author" on a comment: the same banUser operation as the queue and the API. */
export async function banCommentAuthorAction(form: FormData): Promise<FormState> {
  const body = { banned: form.get('banned') === 'true' }
  const result = await banUser(await currentContext(), { userId: form.get('authorId'), body })
  return refreshed(form, result, ['/moderation'])
}

export async function setCommentsEnabledAction(form: FormData): Promise<void> {
  const slug = String(form.get('slug') ?? '')
  const body = { commentsEnabled: form.get('enabled') === 'true' }
  refreshed(form, await setCommentsEnabled(await currentContext(), { slug, body }))
}
