// A signed-in caller, banned or not: for a user's own things that a ban does not take away —
// reading their inbox and tokens, marking entries read, revoking a token (revoking only takes
// power away). Everything that writes for others to see goes through authorize() in
// lib/auth/policy.ts, which refuses banned callers.
import type { Caller } from '@/lib/auth/caller'
import { fail, ok, type Result } from '@/lib/result'

export function signedIn(caller: Caller | null): Result<Caller> {
  return caller ? ok(caller) : fail({ error: 'unauthenticated' })
}
