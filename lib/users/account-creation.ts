// `npm run user -- create … [--every-show] [--with-token]` as one reusable function: the account,
// then (asked for) a grant of every show and an API token, each step only when the one before it
// succeeded. Called by the CLI (scripts/user.ts) and by the e2e suite's account service
// (e2e/support/account-service.ts), so both make exactly the same account. Acts as the OPERATOR.
import 'server-only'
import { auth } from '@/lib/auth/auth'
import { OPERATOR } from '@/lib/auth/caller'
import type { Role } from '@/lib/auth/roles'
import { commentPolicyFromEnv } from '@/lib/comments/policy'
import { prisma, sqlite } from '@/lib/db/client'
import type { Failure, Result } from '@/lib/result'
import { createUserToken, type NewToken } from '@/lib/tokens/operations'
import { createUser, type UserAdminContext } from '@/lib/users/operations'
import { grantShow, type GrantOutcome } from '@/lib/users/show-host-operations'

/** The context the `user` CLI acts in: the OPERATOR over this process's database (DATABASE_URL). */
export function operatorContext(): UserAdminContext {
  return {
    db: prisma(),
    sqlite: sqlite(),
    policy: commentPolicyFromEnv(),
    auth: auth(),
    caller: OPERATOR,
    ip: 'cli',
  }
}

/** As given (CLI options, JSON): `createUser` validates it, the CLI's and the web's way. */
export interface NewAccount {
  email?: unknown
  password?: unknown
  name?: unknown
  role?: unknown
}

export interface NewAccountOptions {
  /** A host of every show there is now (hosts per show, docs/decisions/0014). */
  everyShow?: boolean
  /** A new API token for the account. */
  withToken?: boolean
}

/** Each step's result; a step that did not run (not asked for, or an earlier one failed) is absent. */
export interface AccountCreation {
  created: Result<{ userId: string; role: Role }>
  granted?: Result<GrantOutcome>
  token?: Result<NewToken>
}

/** Creates the account (`createUser`: validation, password hashing, role), then grants and token as asked. */
export async function createAccount(
  ctx: UserAdminContext,
  account: NewAccount,
  options: NewAccountOptions = {},
): Promise<AccountCreation> {
  const created = await createUser(ctx, account)
  if (!created.ok) return { created }
  let granted: Result<GrantOutcome> | undefined
  if (options.everyShow) {
    granted = await grantShow(ctx, { email: account.email, everyShow: true })
    if (!granted.ok) return { created, granted }
  }
  if (!options.withToken) return { created, ...(granted && { granted }) }
  const token = await createUserToken(ctx, { email: account.email })
  return { created, ...(granted && { granted }), token }
}

export type AccountStep = 'create' | 'grant' | 'token'

/** What `npm run user -- create` says before the reason when `step` failed for `email`. */
export function accountStepContext(step: AccountStep, email: unknown): string {
  if (step === 'create') return `could not create ${String(email)}`
  if (step === 'grant') return `created ${String(email)}, but could not grant it every show`
  return `created ${String(email)}, but no token`
}

/** The step that failed (a later one runs only when the ones before it succeeded), or null. */
export function failedAccountStep(steps: AccountCreation): { step: AccountStep; failure: Failure } | null {
  if (!steps.created.ok) return { step: 'create', failure: steps.created.failure }
  if (steps.granted && !steps.granted.ok) return { step: 'grant', failure: steps.granted.failure }
  if (steps.token && !steps.token.ok) return { step: 'token', failure: steps.token.failure }
  return null
}
