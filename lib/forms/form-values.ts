// What the user typed, sent back with a form's state, so a refused form shows their text again
// (React resets a form after its action; the fields' defaultValue is what it resets to). Files
// cannot be sent back: a file field is chosen again.
import type { FormState } from '@/lib/forms/form-state'

export type TypedValues = Record<string, string>

export type FormStateWithValues<T = undefined> = FormState<T> & { values?: TypedValues }

/** The text fields of `form` (not files, not Next's own `$ACTION_…` fields). */
export function typedValues(form: FormData): TypedValues {
  const values: TypedValues = {}
  for (const [name, value] of form.entries()) {
    if (typeof value === 'string' && !name.startsWith('$ACTION')) values[name] = value
  }
  return values
}

export function withTypedValues<T>(state: FormState<T>, form: FormData): FormStateWithValues<T> {
  return { ...state, values: typedValues(form) }
}

/** The value to show in a field: what was typed last, else what is stored. */
export function shownValue(
  state: { values?: TypedValues },
  name: string,
  stored: string | number | null | undefined = '',
): string {
  return state.values?.[name] ?? (stored === null || stored === undefined ? '' : String(stored))
}
