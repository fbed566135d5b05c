'use client'
// One small form of the admin page (grant, revoke, role, ban): runs its server action and says
// in words, announced, when the action was refused. Success shows in the re-rendered row.
import { useActionState, type ReactNode } from 'react'
import type { FormState } from '@/lib/forms/form-state'
import styles from '@/app/admin/users/users.module.css'

const IDLE: FormState = { status: 'idle' }

export function AdminForm(props: {
  action: (previous: FormState, form: FormData) => Promise<FormState>
  /** The form's name for assistive technology, e.g. "Grant a show to Ana". */
  label: string
  children: ReactNode
}) {
  const [state, action, pending] = useActionState(props.action, IDLE)
  const refusal = state.status === 'failed' || state.status === 'invalid' ? state.message : ''
  return (
    <form action={action} aria-label={props.label} aria-busy={pending} className={styles.inlineForm}>
      {props.children}
      <span role="status" aria-live="polite" className={styles.refusal}>
        {refusal}
      </span>
    </form>
  )
}
