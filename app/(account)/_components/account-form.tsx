'use client'
// The sign-in and sign-up forms: plain fields posted to a server action, each error shown
// under its field (aria-describedby) and the form-level outcome announced (aria-live).
import { useActionState } from 'react'
import type { FormState } from '@/lib/forms/form-state'

interface Field {
  name: string
  label: string
  type: 'text' | 'email' | 'password'
  autoComplete: string
}

export function AccountForm(props: {
  action: (previous: FormState, form: FormData) => Promise<FormState>
  fields: Field[]
  submitLabel: string
  next: string
}) {
  const [state, formAction, pending] = useActionState(props.action, { status: 'idle' })
  const errors = state.status === 'invalid' ? state.fieldErrors : {}
  return (
    <form action={formAction} className="account-form" noValidate>
      <input type="hidden" name="next" value={props.next} />
      {props.fields.map((field) => {
        const fieldErrors = errors[field.name] ?? []
        return (
          <div key={field.name} className="field">
            <label htmlFor={`account-${field.name}`}>{field.label}</label>
            <input
              id={`account-${field.name}`}
              name={field.name}
              type={field.type}
              autoComplete={field.autoComplete}
              required
              aria-invalid={fieldErrors.length > 0}
              aria-describedby={`account-${field.name}-error`}
            />
            <p id={`account-${field.name}-error`} className="field-message" aria-live="polite">
              {fieldErrors.join(' ')}
            </p>
          </div>
        )
      })}
      <p className="field-message" role="status" aria-live="polite">
        {state.status === 'failed' ? state.message : ''}
      </p>
      <button type="submit" disabled={pending}>
        {props.submitLabel}
      </button>
    </form>
  )
}
