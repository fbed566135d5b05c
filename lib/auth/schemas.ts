// Sign-in and sign-up form rules, shared by the forms and the server actions.
import { z } from 'zod'

export const PASSWORD_MIN_LENGTH = 8
export const PASSWORD_MAX_LENGTH = 128
export const DISPLAY_NAME_MAX_LENGTH = 60

const EmailSchema = z.email({ error: 'Enter a valid email address.' }).trim().toLowerCase()

/** Where to go after signing in: a path on this site only (no //host, no scheme). */
export const NextPathSchema = z
  .string()
  .optional()
  .transform((value) =>
    value && value.startsWith('/') && !value.startsWith('//') && !value.includes('\\') ? value : '/',
  )

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
