// Signing in and signing up, for the account pages' server actions. better-auth checks the
// password and sets the session cookie; its before hook (lib/auth/auth.ts) counts the attempt,
// so the JSON endpoints under /api/auth/* and these pages share one limit.
import 'server-only'
import { APIError } from 'better-auth/api'
import type { Auth } from '@/lib/auth/auth'
import type { AttemptKind } from '@/lib/auth/attempt-limit'
import { SignInSchema, SignUpSchema } from '@/lib/auth/schemas'
import { parseInput } from '@/lib/operations/input'
import { fail, invalid, ok, unprocessable, type Result } from '@/lib/result'

/** Nobody is signed in yet: better-auth needs the request's headers (cookies, the client's address). */
export interface AccountContext {
  auth: Auth
  headers: Headers
}

/** `raw` is the form's fields `{ email, password, next? }`; answers where to go next. */
export async function signIn(ctx: AccountContext, raw: unknown): Promise<Result<{ next: string }>> {
  const input = parseInput(SignInSchema, raw)
  if (!input.ok) return input
  try {
    await ctx.auth.api.signInEmail({
      body: { email: input.value.email, password: input.value.password },
      headers: ctx.headers,
    })
  } catch (error) {
    return refused(error, 'sign-in', () => unprocessable('Wrong email or password.'))
  }
  return ok({ next: input.value.next })
}

/**
 * `raw` is the form's fields `{ name, email, password, next? }`. Creates the account when the
 * email is new and signs nobody in either way, so a new and a taken email get the same
 * answer: go to the sign-in page (with `next`), which says the account is ready if the email
 * was new. Whether an email has an account is not for strangers to learn (docs/decisions/0005).
 */
export async function signUp(ctx: AccountContext, raw: unknown): Promise<Result<{ next: string }>> {
  const input = parseInput(SignUpSchema, raw)
  if (!input.ok) return input
  try {
    // With autoSignIn off, better-auth answers a taken email as it answers a new one.
    await ctx.auth.api.signUpEmail({
      body: { name: input.value.name, email: input.value.email, password: input.value.password },
      headers: ctx.headers,
    })
  } catch (error) {
    return refused(error, 'sign-up', () =>
      invalid('Those details were not accepted; check them and try again.'),
    )
  }
  return ok({ next: signInAfterSignUp(input.value.next) })
}

/** The sign-in page after a sign-up, keeping where the visitor was headed. */
export function signInAfterSignUp(next: string): string {
  return `/sign-in?${new URLSearchParams({ 'signed-up': '1', next }).toString()}`
}

/** better-auth's refusal as a failure: too many attempts (from the hook), else `otherwise`. */
function refused<T>(error: unknown, kind: AttemptKind, otherwise: () => Result<T>): Result<T> {
  if (!(error instanceof APIError)) throw error
  if (error.statusCode === 429) {
    const retryAfterMs = Number((error.body as { retryAfterMs?: unknown } | undefined)?.retryAfterMs) || 1000
    return fail({ error: 'rate-limited', action: kind, retryAfterMs })
  }
  return otherwise()
}
