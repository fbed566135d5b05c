'use server'
// The moderation page's forms: adapters of lib/moderation/operations.ts and
// lib/users/operations.ts. A refused or stale request changes nothing and the page simply
// shows the current queue again.
import { revalidatePath } from 'next/cache'
import { moderateComment } from '@/lib/moderation/operations'
import { currentContext } from '@/lib/operations/server-context'
import { banUser, setUserRole } from '@/lib/users/operations'

export async function moderateQueueItemAction(form: FormData): Promise<void> {
  const body = { action: form.get('action') }
  await moderateComment(await currentContext(), { commentId: form.get('commentId'), body })
  revalidatePath('/moderation')
}

export async function banUserAction(form: FormData): Promise<void> {
  const body = { banned: form.get('banned') === 'true' }
  await banUser(await currentContext(), { userId: form.get('userId'), body })
  revalidatePath('/moderation')
}

export async function setRoleAction(form: FormData): Promise<void> {
  await setUserRole(await currentContext(), { email: form.get('email'), role: form.get('role') })
  revalidatePath('/moderation')
}
