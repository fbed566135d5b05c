// The admin page of users (issue 13 item 5): each user with role, the shows they host (grant,
// revoke), and ban or unban. Admins only: signed out → sign-in, anyone else → 403. Everything it
// does goes through lib/users/ (docs/decisions/0014-hosts-per-show.md).
import type { Metadata } from 'next'
import { AdminForm } from '@/app/admin/users/_components/admin-form'
import { grantShowAction, revokeShowAction, setBanAction, setRoleAction } from '@/app/admin/users/actions'
import styles from '@/app/admin/users/users.module.css'
import { allowedOrInterrupt } from '@/app/studio/_components/studio-access'
import type { Caller } from '@/lib/auth/caller'
import { ROLES } from '@/lib/auth/roles'
import { currentContext } from '@/lib/operations/server-context'
import { userDirectory, type ListedUser, type ShowChoice } from '@/lib/users/show-host-operations'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Users' }

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export default async function AdminUsersPage({ searchParams }: Props) {
  const q = (await searchParams).q
  const query = typeof q === 'string' ? q.slice(0, 200) : ''
  const ctx = await currentContext()
  const path = query ? `/admin/users?q=${encodeURIComponent(query)}` : '/admin/users'
  const { users, shows } = allowedOrInterrupt(await userDirectory(ctx, { query }), path)
  return (
    <section>
      <h1>Users</h1>
      <p className="muted">
        Hosts edit and moderate the shows they are granted; admins act on every show. Granting a show to a
        listener makes them a host.
      </p>
      <form method="get" className={styles.search} role="search">
        <div>
          <label htmlFor="user-query">Find by name or email</label>
          <input id="user-query" name="q" type="search" defaultValue={query} maxLength={200} />
        </div>
        <button type="submit">Find</button>
      </form>
      {users.length === 0 ? (
        <p className="muted">No user matches.</p>
      ) : (
        <table className={styles.table}>
          <caption className="visually-hidden">Users, their role, shows and ban</caption>
          <thead>
            <tr>
              <th scope="col">User</th>
              <th scope="col">Role</th>
              <th scope="col">Shows hosted</th>
              <th scope="col">Ban</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <UserRow key={user.id} user={user} shows={shows} self={ctx.caller!} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

function UserRow({ user, shows, self }: { user: ListedUser; shows: ShowChoice[]; self: Caller }) {
  const who = user.name || user.email
  const isSelf = user.id === self.id
  return (
    <tr aria-label={who}>
      <td data-label="User">
        <strong>{user.name}</strong>
        <br />
        <span className="muted">{user.email}</span>
      </td>
      <td data-label="Role">
        {isSelf ? (
          <span>{user.role} (you)</span>
        ) : (
          <AdminForm action={setRoleAction} label={`Role of ${who}`}>
            <input type="hidden" name="email" value={user.email} />
            <label htmlFor={`role-${user.id}`} className="visually-hidden">
              Role of {who}
            </label>
            <select id={`role-${user.id}`} name="role" defaultValue={user.role}>
              {ROLES.map((role) => (
                <option key={role}>{role}</option>
              ))}
            </select>
            <button type="submit">Save role</button>
          </AdminForm>
        )}
      </td>
      <td data-label="Shows hosted">
        {user.role === 'admin' ? (
          <span className="muted">Every show (admin)</span>
        ) : (
          <HostedShows user={user} shows={shows} />
        )}
      </td>
      <td data-label="Ban">
        {user.bannedAt ? (
          <span>
            Banned{' '}
            <time dateTime={user.bannedAt.toISOString()}>
              {user.bannedAt.toISOString().slice(0, 10)}
            </time>{' '}
          </span>
        ) : null}
        {isSelf || user.role === 'admin' ? null : (
          <AdminForm action={setBanAction} label={`${user.bannedAt ? 'Unban' : 'Ban'} ${who}`}>
            <input type="hidden" name="userId" value={user.id} />
            <input type="hidden" name="banned" value={String(!user.bannedAt)} />
            <button type="submit" aria-label={`${user.bannedAt ? 'Unban' : 'Ban'} ${who}`}>
              {user.bannedAt ? 'Unban' : 'Ban'}
            </button>
          </AdminForm>
        )}
      </td>
    </tr>
  )
}

function HostedShows({ user, shows }: { user: ListedUser; shows: ShowChoice[] }) {
  const who = user.name || user.email
  const hosted = new Set(user.shows.map((show) => show.slug))
  const grantable = shows.filter((show) => !hosted.has(show.slug))
  return (
    <>
      {user.shows.length > 0 ? (
        <ul className={styles.shows}>
          {user.shows.map((show) => (
            <li key={show.slug}>
              <span>{show.title}</span>
              <AdminForm action={revokeShowAction} label={`Revoke ${show.title} from ${who}`}>
                <input type="hidden" name="userId" value={user.id} />
                <input type="hidden" name="showSlug" value={show.slug} />
                <button
                  type="submit"
                  className="link-button"

                  aria-label={`Revoke ${show.title} from ${who}`}
                >
                  Revoke
                </button>
              </AdminForm>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{user.role === 'host' ? 'No show yet.' : 'None.'}</p>
      )}
      {grantable.length > 0 ? (
        <AdminForm action={grantShowAction} label={`Grant a show to ${who}`}>
          <input type="hidden" name="userId" value={user.id} />
          <label htmlFor={`grant-${user.id}`} className="visually-hidden">
            Show to grant {who}
          </label>
          <select id={`grant-${user.id}`} name="showSlug">
            {grantable.map((show) => (
              <option key={show.slug} value={show.slug}>
                {show.title}
              </option>
            ))}
          </select>
          <button type="submit" aria-label={`Grant the show to ${who}`}>
            Grant
          </button>
        </AdminForm>
      ) : null}
    </>
  )
}
