// npm run user -- create --email E --password P [--name N] [--role listener|host|admin]
// npm run user -- role --email E --role host
// npm run user -- token --email E          prints a new personal API token (shown only once)
// The first admin comes from here; after that admins can make hosts on /moderation.
import { parseArgs } from 'node:util'
import { auth } from '@/lib/auth/auth'
import { createApiToken } from '@/lib/auth/api-tokens'
import { RoleSchema } from '@/lib/auth/roles'
import { createUser, getUserIdByEmail, setUserRole } from '@/lib/auth/users'
import { prisma } from '@/lib/db/client'

const USAGE = `usage:
  npm run user -- create --email E --password P [--name N] [--role listener|host|admin]
  npm run user -- role --email E --role listener|host|admin
  npm run user -- token --email E`

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      email: { type: 'string' },
      password: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
    },
  })
  const [command] = positionals
  const role = values.role === undefined ? undefined : RoleSchema.safeParse(values.role)
  if (!values.email || (role && !role.success)) {
    console.error(role && !role.success ? `unknown role ${values.role}\n${USAGE}` : USAGE)
    return 2
  }
  const db = prisma()
  if (command === 'create') {
    if (!values.password) return fail(USAGE)
    const result = await createUser(db, auth(), {
      email: values.email,
      password: values.password,
      name: values.name,
      role: role?.data,
    })
    if (!result.ok) return fail(`could not create ${values.email}: ${result.error}`)
    console.log(`created ${values.email} (${role?.data ?? 'listener'}), id ${result.userId}`)
    return 0
  }
  const userId = await getUserIdByEmail(db, values.email)
  if (!userId) return fail(`no user with the email ${values.email}`)
  if (command === 'role' && role?.data) {
    await setUserRole(db, userId, role.data)
    console.log(`${values.email} is now ${role.data}`)
    return 0
  }
  if (command === 'token') {
    console.log(await createApiToken(db, userId))
    return 0
  }
  return fail(USAGE)
}

function fail(message: string): number {
  console.error(message)
  return 1
}

try {
  process.exitCode = await main(process.argv.slice(2))
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
} finally {
  await prisma().$disconnect()
}
