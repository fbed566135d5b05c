'use server'
// Sign up, sign in, sign out: adapters of lib/auth/account-operations.ts. Attempts are
// counted by better-auth's before hook (lib/auth/auth.ts), as for /api/auth/*.
import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { signIn, signUp } from '@/lib/auth/account-operations'
import { auth } from '@/lib/auth/auth'
import { toFormState, type FormState } from '@/lib/forms/form-state'

export async function signInAction(_previous: FormState, form: FormData): Promise<FormState> {
  const result = await signIn({ auth: auth(), headers: await headers() }, Object.fromEntries(form))
  if (result.ok) redirect(result.value.next)
  return toFormState(result)
}

export async function signUpAction(_previous: FormState, form: FormData): Promise<FormState> {
  const result = await signUp({ auth: auth(), headers: await headers() }, Object.fromEntries(form))
  if (result.ok) redirect(result.value.next)
  return toFormState(result)
}

export async function signOutAction(): Promise<void> {
  await auth().api.signOut({ headers: await headers() })
  redirect('/')
}
