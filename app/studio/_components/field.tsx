'use client'
// One labelled form field of the hosts' pages: the value typed last (or stored), its errors
// under it, tied to it with aria-describedby and announced (aria-live).
import { useEffect, useRef } from 'react'
import type { FormStateWithValues } from '@/lib/forms/form-values'
import { shownValue } from '@/lib/forms/form-values'

export function fieldErrors(state: FormStateWithValues<unknown>, name: string): string[] {
  return state.status === 'invalid' ? (state.fieldErrors[name] ?? []) : []
}

export function Field(props: {
  form: string
  name: string
  label: string
  state: FormStateWithValues<unknown>
  stored?: string | number | null
  type?: 'text' | 'url' | 'date' | 'number'
  multiline?: boolean
  required?: boolean
  maxLength?: number
  hint?: string
  placeholder?: string
}) {
  const id = `${props.form}-${props.name}`
  const errors = fieldErrors(props.state, props.name)
  const common = {
    id,
    name: props.name,
    defaultValue: shownValue(props.state, props.name, props.stored),
    required: props.required,
    maxLength: props.maxLength,
    placeholder: props.placeholder,
    'aria-invalid': errors.length > 0,
    'aria-describedby': `${id}-error${props.hint ? ` ${id}-hint` : ''}`,
  }
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      {props.multiline ? (
        <textarea rows={4} {...common} />
      ) : (
        <input type={props.type ?? 'text'} min={props.type === 'number' ? 0 : undefined} {...common} />
      )}
      {props.hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {props.hint}
        </p>
      ) : null}
      <p id={`${id}-error`} className="field-message" aria-live="polite">
        {errors.join(' ')}
      </p>
    </div>
  )
}

/**
 * The form's outcome in words, announced: a failure, or what was saved. Field errors are shown
 * under their `fields`; the form says so once, or says the errors of fields it does not have.
 * Focus that the submission took away (the submit button is disabled while it runs) comes back
 * to the first field to correct, else to the form's submit button.
 */
export function FormStatus(props: { state: FormStateWithValues<unknown>; fields: string[]; saved?: string }) {
  const { state } = props
  const status = useRef<HTMLParagraphElement>(null)
  useEffect(() => {
    const active = document.activeElement
    if (state.status === 'idle' || (active !== null && active !== document.body)) return
    const scope = status.current?.closest('form') ?? status.current?.parentElement
    const target =
      scope?.querySelector<HTMLElement>('[aria-invalid="true"]') ??
      scope?.querySelector<HTMLElement>('button[type="submit"]:not(:disabled)')
    target?.focus()
  }, [state])
  const message =
    state.status === 'invalid'
      ? Object.keys(state.fieldErrors).every((name) => props.fields.includes(name))
        ? 'Nothing was saved: correct the fields marked above.'
        : state.message
      : state.status === 'failed'
        ? state.message
        : state.status === 'saved'
          ? (props.saved ?? '')
          : ''
  return (
    <p
      ref={status}
      className={state.status === 'saved' ? 'form-status saved' : 'form-status field-message'}
      role="status"
      aria-live="polite"
    >
      {message}
    </p>
  )
}
