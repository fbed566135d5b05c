// npm run user -- create --email E --password P [--name N] [--role listener|host|admin] [--every-show] [--with-token]
// npm run user -- role --email E --role host
// npm run user -- token --email E [--name N] [--expires-in-days N]   prints a new personal API token (shown only once)
// npm run user -- revoke-token --token T | --email E        revokes one token, or all of a user's
// npm run user -- grant <email> <show-slug> | grant <email> --every-show | revoke <email> <show-slug>
// The first admin comes from here; after that admins can make hosts on /moderation. The CLI
// acts as the OPERATOR (lib/auth/caller.ts) through the same operations as the web pages.
import { parseArgs } from 'node:util'
import { prisma } from '@/lib/db/client'
import { failureMessage } from '@/lib/failures'
import type { Result } from '@/lib/result'
import { createUserToken, revokeUserToken } from '@/lib/tokens/operations'
import { accountStepContext, createAccount, operatorContext } from '@/lib/users/account-creation'
import { setUserRole, type UserAdminContext } from '@/lib/users/operations'
import { grantShow, revokeShow } from '@/lib/users/show-host-operations'

const USAGE = `usage:
  npm run user -- create --email E --password P [--name N] [--role listener|host|admin] [--every-show] [--with-token]
  npm run user -- role --email E --role listener|host|admin
  npm run user -- token --email E [--name N] [--expires-in-days N]
  npm run user -- revoke-token --token T
  npm run user -- revoke-token --email E      (every token of that user)
  npm run user -- grant <email> <show-slug>   (makes them a host of that show)
  npm run user -- grant <email> --every-show
  npm run user -- revoke <email> <show-slug>`

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
      'every-show': { type: 'boolean' },
      'with-token': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  const [command] = positionals
  if (values.help) {
    console.log(USAGE)
    return 0
  }
  // grant and revoke name the user and the show positionally (hosts per show).
  const hostsCommand = command === 'grant' || command === 'revoke'
  if (!values.email && !(command === 'revoke-token' && values.token) && !hostsCommand) return fail(USAGE, 2)
  const ctx = operatorContext()
  if (hostsCommand) return grantOrRevoke(ctx, command, positionals.slice(1), values['every-show'] === true)
  const { email, password, name, role } = values
  if (command === 'create') {
    if (!password) return fail(USAGE, 2)
    // --every-show: a host of every show there is now, in the same run (hosts per show).
    // --with-token: a new API token for the account, alone on the last line, in the same run.
    // (lib/users/account-creation.ts; the e2e suite's account service calls the same function.)
    const steps = await createAccount(
      ctx,
      { email, password, name, role },
      { everyShow: values['every-show'] === true, withToken: values['with-token'] === true },
    )
    if (steps.granted && !steps.granted.ok)
      return report(steps.granted, accountStepContext('grant', email), () => '')
    const code = report(
      steps.created,
      accountStepContext('create', email),
      (user) => `created ${email} (${user.role}), id ${user.userId}`,
    )
    if (code !== 0 || !steps.token) return code
    return report(steps.token, accountStepContext('token', email), (value) => value.token)
  }
  if (command === 'role' && role) {
    const changed = await setUserRole(ctx, { email, role })
    return report(changed, `could not change ${email}`, (user) => `${email} is now ${user.role}`)
  }
  if (command === 'token') {
    const expiresInDays = values['expires-in-days']
    // The same operation as the settings page's "Create token" (lib/tokens/operations.ts).
    const created = await createUserToken(ctx, {
      email,
      ...(name === undefined ? {} : { name }),
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

/** `grant <email> <show-slug>`, `grant <email> --every-show`, `revoke <email> <show-slug>`. */
async function grantOrRevoke(
  ctx: UserAdminContext,
  command: 'grant' | 'revoke',
  [email, showSlug, ...extra]: string[],
  everyShow: boolean,
): Promise<number> {
  const needsShow = command === 'revoke' || !everyShow
  if (!email || extra.length > 0 || needsShow !== (showSlug !== undefined)) return fail(USAGE, 2)
  if (command === 'revoke') {
    const revoked = await revokeShow(ctx, { email, showSlug })
    if (revoked.ok && !revoked.value.revoked)
      return fail(`${email} does not host ${showSlug}; nothing was revoked`)
    return report(revoked, `could not revoke ${email}`, () => `${email} no longer hosts ${showSlug}`)
  }
  const granted = await grantShow(ctx, everyShow ? { email, everyShow } : { email, showSlug })
  return report(granted, `could not grant ${email}`, (outcome) => {
    const what = everyShow ? 'every show' : showSlug
    return `${email} (${outcome.role}) hosts ${what}: ${outcome.granted} new grant(s)`
  })
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
