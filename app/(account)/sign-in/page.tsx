import type { Metadata } from 'next'
import Link from 'next/link'
import { signInAction } from '@/app/(account)/actions'
import { AccountForm } from '@/app/(account)/_components/account-form'
import { NextPathSchema } from '@/lib/auth/schemas'
import { firstValues } from '@/lib/search/params'

export const metadata: Metadata = { title: 'Sign in' }

type Props = { searchParams: Promise<{ next?: string | string[]; 'signed-up'?: string | string[] }> }

export default async function SignInPage({ searchParams }: Props) {
  const params = firstValues(await searchParams)
  const next = NextPathSchema.parse(params.next)
  return (
    <section className="account">
      <h1>Sign in</h1>
      {params['signed-up'] ? (
        // The same words whether the email was new or taken: sign-up does not reveal accounts.
        <p role="status">
          If that email was new here, its account is ready: sign in with it. If it already had an account,
          sign in with that account’s password.
        </p>
      ) : null}
      <AccountForm
        action={signInAction}
        next={next}
        submitLabel="Sign in"
        fields={[
          { name: 'email', label: 'Email', type: 'email', autoComplete: 'email' },
          { name: 'password', label: 'Password', type: 'password', autoComplete: 'current-password' },
        ]}
      />
      <p>
        New here? <Link href={`/sign-up?next=${encodeURIComponent(next)}`}>Create an account</Link>
      </p>
    </section>
  )
}
