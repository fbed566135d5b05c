'use server'
// Sign up, sign in, sign out: adapters of lib/auth/account-operations.ts. Attempts are
// counted by better-auth's before hook (lib/auth/auth.ts), as for /api/auth/*. A refused form
// gets back what was typed (never the password), so its fields keep their values.
import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { signIn, signUp } from '@/lib/auth/account-operations'
import { auth } from '@/lib/auth/auth'
import { toFormState, type FormState } from '@/lib/forms/form-state'
import { withTypedValues, type FormStateWithValues } from '@/lib/forms/form-values'

export async function signInAction(_previous: FormState, form: FormData): Promise<FormStateWithValues> {
  const result = await signIn({ auth: auth(), headers: await headers() }, Object.fromEntries(form))
  if (result.ok) redirect(result.value.next)
  return withoutPassword(toFormState(result), form)
}

export async function signUpAction(_previous: FormState, form: FormData): Promise<FormStateWithValues> {
  const result = await signUp({ auth: auth(), headers: await headers() }, Object.fromEntries(form))
  if (result.ok) redirect(result.value.next)
  return withoutPassword(toFormState(result), form)
}

export async function signOutAction(): Promise<void> {
  await auth().api.signOut({ headers: await headers() })
  redirect('/')
}

/** A password is typed again, not sent back in the page's payload. */
function withoutPassword(state: FormState, form: FormData): FormStateWithValues {
  const kept = withTypedValues(state, form)
  if (kept.values) delete kept.values.password
  return kept
}
