// The environment, parsed once. Everything else reads `env`, never process.env directly.
import { z } from 'zod'

export const DEFAULT_DATABASE_URL = 'file:./data/hearsay.db'

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z
    .string()
    .default(DEFAULT_DATABASE_URL)
    .refine((url) => url.startsWith('file:') && url.length > 'file:'.length, {
      message: 'must be a SQLite file URL such as file:./data/hearsay.db',
    }),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
})

export type Env = z.infer<typeof EnvSchema>

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = EnvSchema.safeParse(source)
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
    throw new Error(`Invalid environment:\n${problems.join('\n')}`)
  }
  return result.data
}

/** The SQLite file path a `file:` URL names, relative to the working directory as Prisma's adapter reads it. */
export function databasePath(databaseUrl: string): string {
  return databaseUrl.replace(/^file:/, '').replace(/\?.*$/, '')
}

// CLIs run under tsx read the project's .env like Next does; tests set their own variables.
if (!process.env.NEXT_RUNTIME && !process.env.VITEST) {
  try {
    process.loadEnvFile()
  } catch {
    // no .env file
  }
}

export const env = parseEnv(process.env)
