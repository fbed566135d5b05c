import type { Metadata } from 'next'
import Link from 'next/link'
import { signUpAction } from '@/app/(account)/actions'
import { AccountForm } from '@/app/(account)/_components/account-form'
import { NextPathSchema } from '@/lib/auth/schemas'
import { firstValues } from '@/lib/search/params'

export const metadata: Metadata = { title: 'Create an account' }

type Props = { searchParams: Promise<{ next?: string | string[] }> }

export default async function SignUpPage({ searchParams }: Props) {
  const next = NextPathSchema.parse(firstValues(await searchParams).next)
  return (
    <section className="account">
      <h1>Create an account</h1>
      <AccountForm
        action={signUpAction}
        next={next}
        submitLabel="Create account"
        fields={[
          { name: 'name', label: 'Display name', type: 'text', autoComplete: 'nickname' },
          { name: 'email', label: 'Email', type: 'email', autoComplete: 'email' },
          {
            name: 'password',
            label: 'Password (at least 8 characters)',
            type: 'password',
            autoComplete: 'new-password',
          },
        ]}
      />
      <p>
        Already have an account? <Link href={`/sign-in?next=${encodeURIComponent(next)}`}>Sign in</Link>
      </p>
    </section>
  )
}
