// Signing in and signing up, for the account pages' server actions. better-auth checks the
// password and sets the session cookie; its before hook (lib/auth/auth.ts) counts the attempt,
// so the JSON endpoints under /api/auth/* and these pages share one limit.
import 'server-only'
import type { Auth } from '@/lib/auth/auth'
import { authRefusal } from '@/lib/auth/auth-refusal'
import { SignInSchema, SignUpSchema } from '@/lib/auth/schemas'
import { parseInput } from '@/lib/operations/input'
import { fail, ok, type Result } from '@/lib/result'

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
    const refusal = authRefusal(error, 'sign-in')
    // 'email-taken' is a sign-up's answer; a sign-in never gets it.
    if (refusal === null || refusal === 'email-taken') throw error
    return fail(refusal)
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
    // A taken email falls through to the same answer as a new one.
    const refusal = authRefusal(error, 'sign-up')
    if (refusal === null) throw error
    if (refusal !== 'email-taken') return fail(refusal)
  }
  return ok({ next: signInAfterSignUp(input.value.next) })
}

/** The sign-in page after a sign-up, keeping where the visitor was headed. */
export function signInAfterSignUp(next: string): string {
  return `/sign-in?${new URLSearchParams({ 'signed-up': '1', next }).toString()}`
}
