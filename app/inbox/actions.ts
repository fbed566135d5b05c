'use server'
// The inbox's "Mark all read": an adapter of lib/notifications/operations.ts.
import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { failureMessage } from '@/lib/failures'
import { markAllRead } from '@/lib/notifications/operations'
import { currentContext } from '@/lib/operations/server-context'

export async function markAllReadAction(): Promise<void> {
  const result = await markAllRead(await currentContext())
  // The header's unread count is on every page.
  revalidatePath('/', 'layout')
  redirect(result.ok ? '/inbox' : `/inbox?error=${encodeURIComponent(failureMessage(result.failure))}`)
}
