// A signed-in user's settings: their display name, and their personal API tokens (create,
// see when each was made and last used, revoke). Signed out: the sign-in page, back here after.
import type { Metadata } from 'next'
import { redirect } from 'next/navigation'
import { revokeTokenAction } from '@/app/settings/actions'
import { CreateTokenForm, DisplayNameForm } from '@/app/settings/_components/settings-forms'
import styles from '@/app/settings/_components/settings.module.css'
import { DISPLAY_NAME_MAX_LENGTH } from '@/lib/auth/schemas'
import { currentContext } from '@/lib/operations/server-context'
import {
  listUserTokens,
  TOKEN_LIST_LIMIT,
  TOKEN_NAME_MAX_LENGTH,
  type ApiTokenRow,
} from '@/lib/tokens/operations'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Settings' }

type Props = { searchParams: Promise<{ error?: string | string[] }> }

export default async function SettingsPage({ searchParams }: Props) {
  const ctx = await currentContext()
  const tokens = await listUserTokens(ctx)
  if (!tokens.ok || !ctx.caller) redirect('/sign-in?next=/settings')
  const { error } = await searchParams
  const now = ctx.now ?? new Date()
  const banned = ctx.caller.bannedAt
    ? 'Your account has been banned: you can read, and revoke tokens, but not change this.'
    : null
  return (
    <article>
      <h1>Settings</h1>
      <p className="muted">Signed in as {ctx.caller.email}.</p>
      {typeof error === 'string' ? (
        <p className="form-error" role="alert">
          {error.slice(0, 300)}
        </p>
      ) : null}
      <DisplayNameForm name={ctx.caller.name} maxLength={DISPLAY_NAME_MAX_LENGTH} disabledReason={banned} />
      <section aria-labelledby="tokens-heading" id="tokens">
        <h2 id="tokens-heading">API tokens</h2>
        <p className="muted">
          A token lets a script act as you through the JSON API (<code>Authorization: Bearer …</code>). Revoke
          one you no longer use: it stops working at once.
        </p>
        <CreateTokenForm nameMaxLength={TOKEN_NAME_MAX_LENGTH} disabledReason={banned} />
        <h3 id="your-tokens-heading">Your tokens</h3>
        {tokens.value.length === 0 ? (
          <p className="muted">You have no tokens.</p>
        ) : (
          <TokenTable tokens={tokens.value} now={now} />
        )}
        {tokens.value.length === TOKEN_LIST_LIMIT ? (
          <p className="muted">Showing your {TOKEN_LIST_LIMIT} newest tokens.</p>
        ) : null}
      </section>
    </article>
  )
}

function TokenTable(props: { tokens: ApiTokenRow[]; now: Date }) {
  return (
    <div className={styles.tableWrap}>
      <table className={styles.tokens} aria-labelledby="your-tokens-heading">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Created</th>
            <th scope="col">Last used</th>
            <th scope="col">Expires</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {props.tokens.map((token) => {
            const name = token.name || 'Unnamed'
            const status = tokenStatus(token, props.now)
            return (
              <tr key={token.id}>
                <th scope="row">{name}</th>
                <td>
                  <When date={token.createdAt} />
                </td>
                <td>{token.lastUsedAt ? <When date={token.lastUsedAt} /> : 'Never'}</td>
                <td>{token.expiresAt ? <When date={token.expiresAt} /> : 'Never'}</td>
                <td>
                  {token.revokedAt ? (
                    <>
                      Revoked <When date={token.revokedAt} />
                    </>
                  ) : (
                    status
                  )}
                </td>
                <td>
                  {status === 'Active' ? (
                    <form action={revokeTokenAction}>
                      <input type="hidden" name="tokenId" value={token.id} />
                      <button type="submit" aria-label={`Revoke ${name}`}>
                        Revoke
                      </button>
                    </form>
                  ) : null}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}

function tokenStatus(token: ApiTokenRow, now: Date): 'Active' | 'Revoked' | 'Expired' {
  if (token.revokedAt) return 'Revoked'
  if (token.expiresAt && token.expiresAt <= now) return 'Expired'
  return 'Active'
}

/** A time in UTC to the minute: "2026-12-04 18:02 UTC". */
function When(props: { date: Date }) {
  const iso = props.date.toISOString()
  return <time dateTime={iso}>{`${iso.slice(0, 16).replace('T', ' ')} UTC`}</time>
}
