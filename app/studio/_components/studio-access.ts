// The hosts' pages answer a refused read the way a browser expects: signed out → the sign-in page
// (back here after), a listener or a banned host → 403 (app/forbidden.tsx), a missing show or
// episode → 404. The decision itself is the operation's (lib/studio/reads.ts).
import 'server-only'
import { forbidden, notFound, redirect } from 'next/navigation'
import type { Result } from '@/lib/result'

export function allowedOrInterrupt<T>(result: Result<T>, path: string): T {
  if (result.ok) return result.value
  // Each of these throws: Next renders the sign-in redirect, the 404 or the 403 page.
  if (result.failure.error === 'unauthenticated') redirect(`/sign-in?next=${encodeURIComponent(path)}`)
  if (result.failure.error === 'not-found') notFound()
  forbidden()
}

/** `2026-11-27` for a date field; '' for none. */
export function dateField(date: Date | null): string {
  return date ? date.toISOString().slice(0, 10) : ''
}
