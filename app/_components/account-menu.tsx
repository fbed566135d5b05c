// The header's account corner: sign-in links, or who is signed in with a sign-out button
// (inbox with its unread count, settings, suggestions, and the moderation queue and the studio
// for hosts and admins).
import Link from 'next/link'
import { signOutAction } from '@/app/(account)/actions'
import { roleAllows } from '@/lib/auth/policy'
import { seesAsModerator } from '@/lib/auth/policy'
import { getCurrentCaller } from '@/lib/auth/session'
import { InboxLink } from '@/app/_components/inbox-link'

export async function AccountMenu() {
  const caller = await getCurrentCaller()
  if (!caller) {
    return (
      <nav className="account-menu" aria-label="Account">
        <Link href="/sign-in">Sign in</Link>
        <Link href="/sign-up">Sign up</Link>
      </nav>
    )
  }
  return (
    <nav className="account-menu" aria-label="Account">
      <span className="muted">{caller.name}</span>
      <InboxLink />
      <Link href="/settings">Settings</Link>
      {/* Hosts review suggestions there; listeners see what became of theirs. */}
      <Link href="/suggestions">Suggestions</Link>
      {seesAsModerator(caller) ? <Link href="/moderation">Moderation</Link> : null}
      {roleAllows(caller.role, 'edit-transcripts') ? <Link href="/studio">Studio</Link> : null}
      {/* Admins grant hosts their shows there (docs/decisions/0014-hosts-per-show.md). */}
      {roleAllows(caller.role, 'manage-users') ? <Link href="/admin/users">Users</Link> : null}
      <form action={signOutAction}>
        <button type="submit" className="link-button">
          Sign out
        </button>
      </form>
    </nav>
  )
}
