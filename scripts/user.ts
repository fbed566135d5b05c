// npm run user -- create --email E --password P [--name N] [--role listener|host|admin]
// npm run user -- role --email E --role host
// npm run user -- token --email E [--expires-in-days N]   prints a new personal API token (shown only once)
// npm run user -- revoke-token --token T | --email E        revokes one token, or all of a user's
// The first admin comes from here; after that admins can make hosts on /moderation. The CLI
// acts as the OPERATOR (lib/auth/caller.ts) through the same operations as the web pages.
import { parseArgs } from 'node:util'
import { auth } from '@/lib/auth/auth'
import { OPERATOR } from '@/lib/auth/caller'
import { commentPolicyFromEnv } from '@/lib/comments/policy'
import { prisma, sqlite } from '@/lib/db/client'
import { failureMessage } from '@/lib/failures'
import type { Result } from '@/lib/result'
import {
  createUser,
  createUserToken,
  revokeUserToken,
  setUserRole,
  type UserAdminContext,
} from '@/lib/users/operations'

const USAGE = `usage:
  npm run user -- create --email E --password P [--name N] [--role listener|host|admin]
  npm run user -- role --email E --role listener|host|admin
  npm run user -- token --email E [--expires-in-days N]
  npm run user -- revoke-token --token T
  npm run user -- revoke-token --email E      (every token of that user)`

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      email: { type: 'string' },
      password: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      token: { type: 'string' },
      'expires-in-days': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  const [command] = positionals
  if (values.help) {
    console.log(USAGE)
    return 0
  }
  if (!values.email && !(command === 'revoke-token' && values.token)) return fail(USAGE, 2)
  const ctx: UserAdminContext = {
    db: prisma(),
    sqlite: sqlite(),
    policy: commentPolicyFromEnv(),
    auth: auth(),
    caller: OPERATOR,
    ip: 'cli',
  }
  const { email, password, name, role } = values
  if (command === 'create') {
    if (!password) return fail(USAGE, 2)
    const created = await createUser(ctx, { email, password, name, role })
    return report(
      created,
      `could not create ${email}`,
      (user) => `created ${email} (${user.role}), id ${user.userId}`,
    )
  }
  if (command === 'role' && role) {
    const changed = await setUserRole(ctx, { email, role })
    return report(changed, `could not change ${email}`, (user) => `${email} is now ${user.role}`)
  }
  if (command === 'token') {
    const expiresInDays = values['expires-in-days']
    const created = await createUserToken(ctx, {
      email,
      ...(expiresInDays === undefined ? {} : { expiresInDays }),
    })
    // The token alone on the last line (scripts take that line); its expiry goes to stderr.
    if (created.ok && created.value.expiresAt)
      console.error(`expires ${created.value.expiresAt.toISOString()}`)
    return report(created, `${email}`, (value) => value.token)
  }
  if (command === 'revoke-token') {
    const which = values.token ? { token: values.token } : { email }
    const revoked = await revokeUserToken(ctx, which)
    if (revoked.ok && revoked.value.revoked === 0) return fail('no live token matched; nothing was revoked')
    return report(revoked, 'could not revoke', (value) => `revoked ${value.revoked} token(s)`)
  }
  return fail(USAGE, 2)
}

function report<T>(result: Result<T>, context: string, line: (value: T) => string): number {
  // Input the operation refused as invalid is a usage error (2), like a missing option.
  if (!result.ok)
    return fail(`${context}: ${failureMessage(result.failure)}`, result.failure.error === 'invalid' ? 2 : 1)
  console.log(line(result.value))
  return 0
}

function fail(message: string, code = 1): number {
  console.error(message)
  return code
}

try {
  process.exitCode = await main(process.argv.slice(2))
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
} finally {
  await prisma().$disconnect()
}
