'use server'
// The moderation page's forms. Each re-checks the caller's role through the DAL; a refused
// or stale request changes nothing and the page simply shows the current queue again.
import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { canManageRoles, RoleSchema } from '@/lib/auth/roles'
import { getCurrentCaller } from '@/lib/auth/session'
import { getUserIdByEmail, setUserRole } from '@/lib/auth/users'
import { moderateComment, setUserBanned } from '@/lib/comments/moderation'
import { IdParamSchema, ModerationActionSchema } from '@/lib/comments/schemas'
import { prisma } from '@/lib/db/client'

export async function moderateQueueItemAction(form: FormData): Promise<void> {
  const caller = await getCurrentCaller()
  const id = IdParamSchema.safeParse(form.get('commentId'))
  const action = ModerationActionSchema.safeParse({ action: form.get('action') })
  if (!caller || !id.success || !action.success) return
  await moderateComment(prisma(), caller, id.data, action.data.action)
  revalidatePath('/moderation')
}

export async function banUserAction(form: FormData): Promise<void> {
  const caller = await getCurrentCaller()
  const userId = z.string().min(1).safeParse(form.get('userId'))
  if (!caller || !userId.success) return
  await setUserBanned(prisma(), caller, userId.data, form.get('banned') === 'true')
  revalidatePath('/moderation')
}

export async function setRoleAction(form: FormData): Promise<void> {
  const caller = await getCurrentCaller()
  const email = z.email().safeParse(form.get('email'))
  const role = RoleSchema.safeParse(form.get('role'))
  if (!caller || !canManageRoles(caller.role) || !email.success || !role.success) return
  const userId = await getUserIdByEmail(prisma(), email.data)
  if (userId && userId !== caller.id) await setUserRole(prisma(), userId, role.data)
  revalidatePath('/moderation')
}
