'use server'
// Sign up, sign in, sign out. better-auth hashes and checks passwords and sets the session
// cookie (through its nextCookies plugin). Calls from here bypass better-auth's own HTTP rate
// limiter, so sign-in attempts are counted here too, per IP and per email.
import { APIError } from 'better-auth/api'
import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { auth } from '@/lib/auth/auth'
import { currentClientIp } from '@/lib/auth/session'
import { SignInSchema, SignUpSchema } from '@/lib/auth/schemas'
import { failureMessage } from '@/lib/comments/failures'
import { hitRateLimits } from '@/lib/comments/rate-limit'
import { prisma } from '@/lib/db/client'
import { env } from '@/lib/env'
import { fieldErrorsOf, type FormState } from '@/lib/form-state'

async function limitAttempts(kind: string, email: string): Promise<FormState | null> {
  const rule = { max: env.SIGN_IN_RATE_MAX, windowMs: env.SIGN_IN_RATE_WINDOW_MS }
  const ip = await currentClientIp()
  const decision = await hitRateLimits(prisma(), [
    { key: `${kind}:ip:${ip}`, rule },
    { key: `${kind}:email:${email}`, rule },
  ])
  if (decision.ok) return null
  const message = failureMessage({ error: 'rate-limited', retryAfterMs: decision.retryAfterMs })
  return { status: 'failed', message: message.replace('commenting', 'trying') }
}

export async function signInAction(_previous: FormState, form: FormData): Promise<FormState> {
  const parsed = SignInSchema.safeParse(Object.fromEntries(form))
  if (!parsed.success) return { status: 'invalid', fieldErrors: fieldErrorsOf(parsed.error) }
  const limited = await limitAttempts('sign-in', parsed.data.email)
  if (limited) return limited
  try {
    await auth().api.signInEmail({
      body: { email: parsed.data.email, password: parsed.data.password },
      headers: await headers(),
    })
  } catch (error) {
    if (error instanceof APIError) return { status: 'failed', message: 'Wrong email or password.' }
    throw error
  }
  redirect(parsed.data.next)
}

export async function signUpAction(_previous: FormState, form: FormData): Promise<FormState> {
  const parsed = SignUpSchema.safeParse(Object.fromEntries(form))
  if (!parsed.success) return { status: 'invalid', fieldErrors: fieldErrorsOf(parsed.error) }
  const limited = await limitAttempts('sign-up', parsed.data.email)
  if (limited) return limited
  try {
    await auth().api.signUpEmail({
      body: { name: parsed.data.name, email: parsed.data.email, password: parsed.data.password },
      headers: await headers(),
    })
  } catch (error) {
    if (error instanceof APIError) {
      return { status: 'invalid', fieldErrors: { email: ['An account with this email may already exist.'] } }
    }
    throw error
  }
  redirect(parsed.data.next)
}

export async function signOutAction(): Promise<void> {
  await auth().api.signOut({ headers: await headers() })
  redirect('/')
}
