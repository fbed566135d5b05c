// The inbox, one operation per use case: a page of entries, the unread count for the header,
// opening an entry (marks it read, answers where it leads) and "mark all read". A user's inbox
// is theirs alone; a ban does not take it away (lib/auth/signed-in.ts). Entries are written by
// lib/notifications/notify.ts in the transactions of replies and suggestion decisions.
import 'server-only'
import { signedIn } from '@/lib/auth/signed-in'
import { inWriteTransaction } from '@/lib/db/write-transaction'
import {
  inboxEntry,
  inboxPage,
  markInboxRead,
  unreadCountOf,
  type InboxEntry,
} from '@/lib/notifications/inbox'
import type { OperationContext } from '@/lib/operations/context'
import { parseId } from '@/lib/operations/input'
import { notFound, ok, type Result } from '@/lib/result'

export type { InboxEntry } from '@/lib/notifications/inbox'

/** Entries per inbox page. */
export const INBOX_PAGE_SIZE = 30

export interface InboxPage {
  entries: InboxEntry[]
  unread: number
  /** The `before` of the next (older) page, or null on the last one. */
  nextBefore: number | null
}

/** A page of the caller's inbox, newest first; `before` (an entry id) pages back. */
export async function inbox(
  ctx: OperationContext,
  input: { before?: unknown } = {},
): Promise<Result<InboxPage>> {
  const caller = signedIn(ctx.caller)
  if (!caller.ok) return caller
  // A malformed cursor starts from the newest entry rather than failing the page.
  const before = input.before === undefined ? null : parseId(input.before, 'notification')
  const beforeId = before?.ok ? before.value : null
  // One more than a page tells whether an older page exists.
  const rows = inboxPage(ctx.sqlite, caller.value.id, { beforeId, limit: INBOX_PAGE_SIZE + 1 })
  const entries = rows.slice(0, INBOX_PAGE_SIZE)
  return ok({
    entries,
    unread: unreadCountOf(ctx.sqlite, caller.value.id),
    nextBefore: rows.length > INBOX_PAGE_SIZE ? entries[entries.length - 1]!.id : null,
  })
}

/** How many entries the caller has not read (the header's badge); 0 for nobody. */
export function unreadCount(ctx: OperationContext): number {
  return ctx.caller ? unreadCountOf(ctx.sqlite, ctx.caller.id) : 0
}

/** Opens one of the caller's entries: marks it read and answers where it leads. */
export async function openInboxEntry(
  ctx: OperationContext,
  input: { id: unknown },
): Promise<Result<{ href: string }>> {
  const caller = signedIn(ctx.caller)
  if (!caller.ok) return caller
  const id = parseId(input.id, 'notification')
  if (!id.ok) return id
  const entry = inboxEntry(ctx.sqlite, caller.value.id, id.value)
  if (!entry) return notFound('notification')
  if (entry.readAt === null) {
    const marked = await inWriteTransaction(ctx.sqlite, () =>
      ok(markInboxRead(ctx.sqlite, caller.value.id, { id: id.value }, ctx.now ?? new Date())),
    )
    if (!marked.ok) return marked
  }
  return ok({ href: entry.href })
}

/** Marks every unread entry of the caller read; answers how many were unread. */
export async function markAllRead(ctx: OperationContext): Promise<Result<{ marked: number }>> {
  const caller = signedIn(ctx.caller)
  if (!caller.ok) return caller
  const marked = await inWriteTransaction(ctx.sqlite, () =>
    ok(markInboxRead(ctx.sqlite, caller.value.id, {}, ctx.now ?? new Date())),
  )
  return marked.ok ? ok({ marked: marked.value }) : marked
}
