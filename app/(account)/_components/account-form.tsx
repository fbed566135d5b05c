'use client'
// The sign-in and sign-up forms: plain fields posted to a server action (they work before the
// page's script loads). A refused form keeps what was typed: the action sends the fields back
// (not the password) and React resets the form to them. Each error sits under its field
// (aria-describedby, aria-invalid); the form's outcome ("Wrong email or password.", or "correct
// the fields marked") is an alert. Focus goes to the first field to correct, so a keyboard user is where the fix is.
import { useActionState, useEffect, useRef } from 'react'
import type { FormState } from '@/lib/forms/form-state'
import { shownValue, type FormStateWithValues } from '@/lib/forms/form-values'

interface Field {
  name: string
  label: string
  type: 'text' | 'email' | 'password'
  autoComplete: string
}

const IDLE: FormStateWithValues = { status: 'idle' }

export function AccountForm(props: {
  action: (previous: FormState, form: FormData) => Promise<FormStateWithValues>
  fields: Field[]
  submitLabel: string
  next: string
}) {
  const [state, formAction, pending] = useActionState(props.action, IDLE)
  const form = useRef<HTMLFormElement>(null)
  const errors = state.status === 'invalid' ? state.fieldErrors : {}
  const marked = props.fields.some((field) => (errors[field.name] ?? []).length > 0)
  // Said once for the whole form (an alert); each field's own words are read with the field.
  const formMessage =
    state.status === 'failed' || state.status === 'invalid'
      ? marked
        ? 'Not sent: correct the fields marked above.'
        : state.message
      : ''

  useEffect(() => {
    if (state.status !== 'invalid' && state.status !== 'failed') return
    // The first field with an error; for the form's own refusal, the password, typed again.
    const fieldErrors = state.status === 'invalid' ? state.fieldErrors : {}
    const target =
      props.fields.find((field) => (fieldErrors[field.name] ?? []).length > 0) ??
      props.fields.find((field) => field.type === 'password')
    if (target) form.current?.querySelector<HTMLInputElement>(`#account-${target.name}`)?.focus()
  }, [state, props.fields])

  return (
    <form ref={form} action={formAction} className="account-form" noValidate>
      <input type="hidden" name="next" value={props.next} />
      {props.fields.map((field) => {
        const fieldErrors = errors[field.name] ?? []
        const errorId = `account-${field.name}-error`
        return (
          <div key={field.name} className="field">
            <label htmlFor={`account-${field.name}`}>{field.label}</label>
            <input
              id={`account-${field.name}`}
              name={field.name}
              type={field.type}
              autoComplete={field.autoComplete}
              defaultValue={field.type === 'password' ? undefined : shownValue(state, field.name)}
              required
              aria-invalid={fieldErrors.length > 0}
              // The form's refusal describes the password too, so it is read when focus lands there.
              aria-describedby={
                field.type === 'password' && formMessage && !marked
                  ? `${errorId} account-form-message`
                  : errorId
              }
            />
            <p id={errorId} className="field-message">
              {fieldErrors.join(' ')}
            </p>
          </div>
        )
      })}
      <p id="account-form-message" className="field-message" role="alert">
        {formMessage}
      </p>
      <button type="submit" disabled={pending}>
        {props.submitLabel}
      </button>
    </form>
  )
}
