// Sign-in and sign-up form rules, shared by the forms and the server actions.
import { z } from 'zod'

export const PASSWORD_MIN_LENGTH = 8
export const PASSWORD_MAX_LENGTH = 128
export const DISPLAY_NAME_MAX_LENGTH = 60

const EmailSchema = z.email({ error: 'Enter a valid email address.' }).trim().toLowerCase()

/** Any origin that cannot be ours: paths are resolved against it, and must stay on it. */
const PATH_BASE = 'http://next-path.invalid'

/**
 * Where to go after signing in, as a path on this site, or '/'. The browser resolves the
 * Location header itself and drops tabs and newlines while doing so ("/\t/evil.example"
 * becomes "//evil.example", another host), and a newline in a header is an error, so: no
 * control characters or backslashes, resolve against a base that cannot be ours and keep
 * only a same-origin result whose path does not start with "//". What goes out is the
 * resolved path, percent-encoded by URL, never the raw input.
 */
export function safeNextPath(value: unknown): string {
  // eslint-disable-next-line no-control-regex
  if (typeof value !== 'string' || !value.startsWith('/') || /[\u0000-\u001f\u007f\\]/.test(value)) return '/'
  let url: URL
  try {
    url = new URL(value, PATH_BASE)
  } catch {
    return '/'
  }
  if (url.origin !== PATH_BASE || url.pathname.startsWith('//')) return '/'
  return `${url.pathname}${url.search}${url.hash}`
}

export const NextPathSchema = z.unknown().optional().transform(safeNextPath)

export const SignInSchema = z.object({
  email: EmailSchema,
  password: z.string().min(1, { error: 'Enter your password.' }).max(PASSWORD_MAX_LENGTH),
  next: NextPathSchema,
})

export const SignUpSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, { error: 'Enter a display name.' })
    .max(DISPLAY_NAME_MAX_LENGTH, { error: `At most ${DISPLAY_NAME_MAX_LENGTH} characters.` }),
  email: EmailSchema,
  password: z
    .string()
    .min(PASSWORD_MIN_LENGTH, { error: `Use at least ${PASSWORD_MIN_LENGTH} characters.` })
    .max(PASSWORD_MAX_LENGTH, { error: `Use at most ${PASSWORD_MAX_LENGTH} characters.` }),
  next: NextPathSchema,
})
