// Who may correct transcripts: hosts and admins edit, revert, split, merge and review
// suggestions; any signed-in, non-banned user may suggest. Checked by every mutation.
import type { Caller } from '@/lib/auth/caller'
import { canModerate } from '@/lib/auth/roles'
import type { CorrectionFailure } from '@/lib/corrections/types'

/** null when the caller may edit transcripts, else the failure to return. */
export function editorFailure(caller: Caller | null): CorrectionFailure | null {
  if (!caller) return { error: 'unauthenticated' }
  if (caller.bannedAt) return { error: 'banned' }
  if (!canModerate(caller.role)) return { error: 'forbidden' }
  return null
}

/** null when the caller may write suggestions. */
export function writerFailure(caller: Caller | null): CorrectionFailure | null {
  if (!caller) return { error: 'unauthenticated' }
  if (caller.bannedAt) return { error: 'banned' }
  return null
}
