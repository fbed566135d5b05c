'use server'
// Comment mutations from the episode page. Each action parses its form with the schema the
// client uses, resolves the caller again (actions are public POST endpoints) and calls the
// same DAL as the JSON API.
import { revalidatePath } from 'next/cache'
import { getCurrentCaller, currentClientIp } from '@/lib/auth/session'
import { failureMessage } from '@/lib/comments/failures'
import { moderateComment, reportComment, setCommentsEnabled } from '@/lib/comments/moderation'
import { createComment, deleteComment, editComment } from '@/lib/comments/mutations'
import { commentPolicyFromEnv } from '@/lib/comments/policy'
import {
  CommentFormSchema,
  EditCommentSchema,
  IdParamSchema,
  ModerationActionSchema,
} from '@/lib/comments/schemas'
import type { CommentFailure } from '@/lib/comments/types'
import { prisma } from '@/lib/db/client'
import { fieldErrorsOf, type FormState } from '@/lib/form-state'

function failed(failure: CommentFailure): FormState {
  return { status: 'failed', message: failureMessage(failure) }
}

function refresh(form: FormData): void {
  const slug = form.get('slug')
  if (typeof slug === 'string') revalidatePath(`/episodes/${slug}`)
}

export async function createCommentAction(form: FormData): Promise<FormState> {
  const caller = await getCurrentCaller()
  if (!caller) return failed({ error: 'unauthenticated' })
  const sentenceId = IdParamSchema.safeParse(form.get('sentenceId'))
  if (!sentenceId.success) return failed({ error: 'sentence-missing' })
  const parsed = CommentFormSchema.safeParse({
    body: form.get('body'),
    parentId: form.get('parentId') ?? undefined,
  })
  if (!parsed.success) return { status: 'invalid', fieldErrors: fieldErrorsOf(parsed.error) }
  const result = await createComment(
    prisma(),
    caller,
    { sentenceId: sentenceId.data, ...parsed.data, ip: await currentClientIp() },
    commentPolicyFromEnv(),
  )
  if (!result.ok) return failed(result)
  refresh(form)
  return { status: 'saved' }
}

export async function editCommentAction(form: FormData): Promise<FormState> {
  const caller = await getCurrentCaller()
  if (!caller) return failed({ error: 'unauthenticated' })
  const id = IdParamSchema.safeParse(form.get('commentId'))
  if (!id.success) return failed({ error: 'not-found' })
  const parsed = EditCommentSchema.safeParse({ body: form.get('body') })
  if (!parsed.success) return { status: 'invalid', fieldErrors: fieldErrorsOf(parsed.error) }
  const result = await editComment(prisma(), caller, id.data, parsed.data.body)
  if (!result.ok) return failed(result)
  refresh(form)
  return { status: 'saved' }
}

export async function deleteCommentAction(form: FormData): Promise<FormState> {
  const caller = await getCurrentCaller()
  if (!caller) return failed({ error: 'unauthenticated' })
  const id = IdParamSchema.safeParse(form.get('commentId'))
  if (!id.success) return failed({ error: 'not-found' })
  const result = await deleteComment(prisma(), caller, id.data)
  if (!result.ok) return failed(result)
  refresh(form)
  return { status: 'saved' }
}

export async function reportCommentAction(form: FormData): Promise<FormState> {
  const caller = await getCurrentCaller()
  if (!caller) return failed({ error: 'unauthenticated' })
  const id = IdParamSchema.safeParse(form.get('commentId'))
  if (!id.success) return failed({ error: 'not-found' })
  const result = await reportComment(prisma(), caller, id.data, '')
  return result.ok ? { status: 'saved' } : failed(result)
}

export async function moderateCommentAction(form: FormData): Promise<FormState> {
  const caller = await getCurrentCaller()
  if (!caller) return failed({ error: 'unauthenticated' })
  const id = IdParamSchema.safeParse(form.get('commentId'))
  const action = ModerationActionSchema.safeParse({ action: form.get('action') })
  if (!id.success || !action.success) return failed({ error: 'not-found' })
  const result = await moderateComment(prisma(), caller, id.data, action.data.action)
  if (!result.ok) return failed(result)
  refresh(form)
  revalidatePath('/moderation')
  return { status: 'saved' }
}

export async function setCommentsEnabledAction(form: FormData): Promise<void> {
  const caller = await getCurrentCaller()
  const episodeId = IdParamSchema.safeParse(form.get('episodeId'))
  if (!caller || !episodeId.success) return
  await setCommentsEnabled(prisma(), caller, episodeId.data, form.get('enabled') === 'true')
  refresh(form)
}
