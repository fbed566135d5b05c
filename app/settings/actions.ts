'use server'
// The settings page's forms: adapters of lib/profile/operations.ts (display name) and
// lib/tokens/operations.ts (API tokens, the operations the user CLI calls too). No
// authorization here: the operations decide.
import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { failureMessage } from '@/lib/failures'
import { toFormState } from '@/lib/forms/form-state'
import { withTypedValues, type FormStateWithValues } from '@/lib/forms/form-values'
import { currentContext } from '@/lib/operations/server-context'
import { setDisplayName } from '@/lib/profile/operations'
import { createUserToken, revokeUserToken } from '@/lib/tokens/operations'

/** What the create form shows once: the new token in clear text, with its name. */
export interface CreatedToken {
  token: string
  name: string
  expiresAt: string | null
}

function field(form: FormData, name: string): string | undefined {
  const value = form.get(name)
  return typeof value === 'string' ? value : undefined
}

export async function setDisplayNameAction(
  _previous: FormStateWithValues<{ name: string }>,
  form: FormData,
): Promise<FormStateWithValues<{ name: string }>> {
  const result = await setDisplayName(await currentContext(), { name: field(form, 'name') })
  // The name shows in the header and on every comment and suggestion of the user.
  if (result.ok) revalidatePath('/', 'layout')
  return withTypedValues(
    toFormState(result, (value) => value),
    form,
  )
}

export async function createTokenAction(
  _previous: FormStateWithValues<CreatedToken>,
  form: FormData,
): Promise<FormStateWithValues<CreatedToken>> {
  const result = await createUserToken(await currentContext(), {
    name: field(form, 'name'),
    expiresInDays: field(form, 'expiresInDays'),
  })
  if (!result.ok) return withTypedValues(toFormState(result), form)
  revalidatePath('/settings')
  const { token, apiToken, expiresAt } = result.value
  // No typed values back: the form clears for the next token.
  return toFormState(result, () => ({
    token,
    name: apiToken.name,
    expiresAt: expiresAt ? expiresAt.toISOString() : null,
  }))
}

export async function revokeTokenAction(form: FormData): Promise<void> {
  const result = await revokeUserToken(await currentContext(), { tokenId: form.get('tokenId') })
  revalidatePath('/settings')
  redirect(
    result.ok ? '/settings#tokens' : `/settings?error=${encodeURIComponent(failureMessage(result.failure))}`,
  )
}
