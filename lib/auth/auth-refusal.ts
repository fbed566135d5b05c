// better-auth's refusals (wrong password, short password, taken email, too many attempts) as the
// app's failures, read by their codes and statuses, never by `instanceof APIError`: better-auth,
// @better-auth/core and better-call ship both ESM and CJS builds, and how a server's bundles load
// them decides whether the APIError class a route throws is the one our code imported. When it
// was not, every wrong password became a 500 page (issue 14). better-auth itself checks
// `name === 'APIError'` for the same reason (@better-auth/core/utils/is-api-error).
import type { AttemptKind } from '@/lib/auth/attempt-limit'
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@/lib/auth/schemas'
import type { Failure } from '@/lib/result'

/** What better-call's APIError carries (status name or number, statusCode, body.code), by shape. */
interface ApiErrorShape {
  name?: unknown
  status?: unknown
  statusCode?: unknown
  body?: { code?: unknown; message?: unknown; retryAfterMs?: unknown } | null
}

/** The status names better-auth throws with on the sign-in and sign-up paths. */
const STATUS_BY_NAME: Record<string, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  UNPROCESSABLE_ENTITY: 422,
  TOO_MANY_REQUESTS: 429,
  INTERNAL_SERVER_ERROR: 500,
}

/** A sign-up for an email that already has an account: answered like a new one (docs/decisions/0005). */
const EMAIL_TAKEN = new Set(['USER_ALREADY_EXISTS', 'USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL'])

export const WRONG_CREDENTIALS_MESSAGE = 'Wrong email or password.'
export const SIGN_UP_NOT_ACCEPTED_MESSAGE = 'Those details were not accepted; check them and try again.'

/** The HTTP status and code of a better-auth refusal, or null when `error` is not one. */
export function readApiError(
  error: unknown,
): { status: number; code: string; body: ApiErrorShape['body'] } | null {
  if (typeof error !== 'object' || error === null) return null
  const shaped = error as ApiErrorShape
  const status =
    typeof shaped.statusCode === 'number'
      ? shaped.statusCode
      : typeof shaped.status === 'number'
        ? shaped.status
        : typeof shaped.status === 'string'
          ? STATUS_BY_NAME[shaped.status]
          : undefined
  const body = typeof shaped.body === 'object' ? shaped.body : undefined
  const code = typeof body?.code === 'string' ? body.code : ''
  // Named APIError (better-call sets the name), or at least its status and body.code; an error
  // with a code of its own (Prisma's P2002, Node's ECONNRESET) is not better-auth's refusal.
  if (status === undefined || (shaped.name !== 'APIError' && !code)) return null
  return { status, code, body }
}

/**
 * better-auth's refusal of a sign-in or sign-up as the form's failure: too many attempts (the
 * app's hook in lib/auth/auth.ts, or a 429), a field better-auth refused (password length,
 * email), wrong credentials, else the attempt's general refusal. 'email-taken' when a sign-up
 * met an existing account: the caller answers it exactly as a new account. null when `error`
 * is not a refusal (a 5xx, a bug, an outage): the caller rethrows it.
 */
export function authRefusal(error: unknown, attempt: AttemptKind): Failure | 'email-taken' | null {
  const refusal = readApiError(error)
  if (!refusal || refusal.status >= 500) return null
  const { status, code, body } = refusal
  if (status === 429 || code === 'RATE_LIMITED') {
    const retryAfterMs = Number(body?.retryAfterMs)
    return { error: 'rate-limited', action: attempt, retryAfterMs: retryAfterMs > 0 ? retryAfterMs : 1000 }
  }
  if (code === 'INVALID_EMAIL')
    return {
      error: 'invalid',
      message: 'Enter a valid email address.',
      fieldErrors: { email: ['Enter a valid email address.'] },
    }
  // INVALID_EMAIL_OR_PASSWORD, and USER_NOT_FOUND, CREDENTIAL_ACCOUNT_NOT_FOUND, EMAIL_NOT_VERIFIED
  // or anything else refused: all read the same, so the answer does not tell which part was wrong.
  if (attempt === 'sign-in') return { error: 'unprocessable', message: WRONG_CREDENTIALS_MESSAGE }
  if (EMAIL_TAKEN.has(code)) return 'email-taken'
  if (code === 'PASSWORD_TOO_SHORT') return passwordLength(`Use at least ${PASSWORD_MIN_LENGTH} characters.`)
  if (code === 'PASSWORD_TOO_LONG') return passwordLength(`Use at most ${PASSWORD_MAX_LENGTH} characters.`)
  return { error: 'invalid', message: SIGN_UP_NOT_ACCEPTED_MESSAGE }
}

function passwordLength(message: string): Failure {
  return { error: 'invalid', message, fieldErrors: { password: [message] } }
}
