// The moderation queue for hosts and admins: held comments and reported ones (each naming its
// episode and sentence, linked), with hide, unhide/approve, remove, dismiss and ban; the banned
// users, with unban; admins can also change a user's role here.
import type { Metadata } from 'next'
import Link from 'next/link'
import { CommentBody } from '@/app/_components/comment-body'
import { banUserAction, moderateQueueItemAction, setRoleAction } from '@/app/moderation/actions'
import { roleAllows } from '@/lib/auth/policy'
import { ROLES } from '@/lib/auth/roles'
import { failureMessage } from '@/lib/failures'
import { listModerationQueue, type QueueItem } from '@/lib/moderation/operations'
import { currentContext } from '@/lib/operations/server-context'
import { listBannedUsers } from '@/lib/users/operations'
import type { BannedUser } from '@/lib/users/user-store'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Moderation' }

export default async function ModerationPage() {
  const ctx = await currentContext()
  const queue = await listModerationQueue(ctx)
  if (!queue.ok || !ctx.caller) {
    const refusal = queue.ok ? undefined : queue.failure
    return (
      <section>
        <h1>Moderation</h1>
        <p>
          {refusal?.error === 'banned'
            ? failureMessage(refusal)
            : 'Only hosts and admins can see the moderation queue.'}
        </p>
      </section>
    )
  }
  const items = queue.value
  const banned = await listBannedUsers(ctx)
  return (
    <section>
      <h1>Moderation</h1>
      {items.length === 0 ? <p className="muted">Nothing to review.</p> : null}
      <ol className="comment-list">
        {items.map((item) => (
          <QueueEntry key={item.comment.id} item={item} />
        ))}
      </ol>
      {banned.ok ? <BannedUsers users={banned.value} /> : null}
      {roleAllows(ctx.caller.role, 'manage-users') ? (
        <form action={setRoleAction} className="role-form">
          <h2>Change a user&apos;s role</h2>
          <label htmlFor="role-email">Email</label>
          <input id="role-email" name="email" type="email" required />
          <label htmlFor="role-role">Role</label>
          <select id="role-role" name="role" defaultValue="host">
            {ROLES.map((role) => (
              <option key={role}>{role}</option>
            ))}
          </select>
          <button type="submit">Save role</button>
          <p>
            <Link href="/admin/users">Every user, with the shows they host</Link>
          </p>
        </form>
      ) : null}
    </section>
  )
}

function QueueEntry({ item }: { item: QueueItem }) {
  const { comment } = item
  const actions =
    comment.status === 'held' ? ['approve', 'hide'] : comment.status === 'hidden' ? ['unhide'] : ['hide']
  return (
    <li>
      <article className="comment" aria-label={`Comment by ${comment.author.name}`}>
        <header className="comment-meta">
          <span className="comment-author">{comment.author.name}</span> on{' '}
          <Link href={item.href}>{item.episodeTitle}</Link>{' '}
          <Link href={`/episodes/${item.episodeSlug}#c-${comment.id}`}>(open its thread)</Link>{' '}
          <span className="comment-badge">
            {comment.status}
            {item.openReports > 0 ? `, ${item.openReports} report${item.openReports === 1 ? '' : 's'}` : ''}
          </span>
        </header>
        <blockquote className="comment-quote">
          {item.sentence ? (
            <Link href={item.href}>{item.sentence.text}</Link>
          ) : (
            <>
              {comment.quote} <span className="muted">(this sentence was removed)</span>
            </>
          )}
        </blockquote>
        <CommentBody text={comment.body} />
        {item.reasons.length > 0 ? <p className="muted">Reasons: {item.reasons.join('; ')}</p> : null}
        <div className="comment-actions">
          {[...actions, 'delete', 'dismiss'].map((action) => (
            <form key={action} action={moderateQueueItemAction}>
              <input type="hidden" name="commentId" value={comment.id} />
              <input type="hidden" name="action" value={action} />
              <button type="submit" className="link-button">
                {action === 'delete' ? 'Remove' : action[0]!.toUpperCase() + action.slice(1)}
              </button>
            </form>
          ))}
          <form action={banUserAction}>
            <input type="hidden" name="userId" value={comment.author.id} />
            <input type="hidden" name="banned" value={String(!item.authorBanned)} />
            <button type="submit" className="link-button">
              {item.authorBanned ? 'Unban author' : 'Ban author'}
            </button>
          </form>
        </div>
      </article>
    </li>
  )
}

function BannedUsers({ users }: { users: BannedUser[] }) {
  return (
    <section aria-labelledby="banned-heading">
      <h2 id="banned-heading">Banned users</h2>
      {users.length === 0 ? <p className="muted">Nobody is banned.</p> : null}
      <ul className="banned-list">
        {users.map((user) => (
          <li key={user.id}>
            <span className="comment-author">{user.name}</span>{' '}
            <span className="muted">
              ({user.role}, banned{' '}
              <time dateTime={user.bannedAt.toISOString()}>{user.bannedAt.toISOString().slice(0, 10)}</time>)
            </span>{' '}
            <form action={banUserAction}>
              <input type="hidden" name="userId" value={user.id} />
              <input type="hidden" name="banned" value="false" />
              <button type="submit" className="link-button" aria-label={`Unban ${user.name}`}>
                Unban
              </button>
            </form>
          </li>
        ))}
      </ul>
    </section>
  )
}
