// What a server action answers a client form: nothing yet, saved (with a value when the form
// needs one), invalid fields (shown next to each field), a sentence conflict (both versions,
// so nothing is lost), or a failure in words. `toFormState` is the one mapping from an
// operation's Result; the words come from lib/failures.ts, as the JSON API's do.
import type { SentenceChange, SentenceDto } from '@/lib/corrections/types'
import { failureMessage } from '@/lib/failures'
import type { Result } from '@/lib/result'

export type FormState<T = undefined> =
  | { status: 'idle' }
  | { status: 'saved'; value: T }
  | { status: 'invalid'; fieldErrors: Record<string, string[]>; message: string }
  | { status: 'conflict'; current: SentenceDto; yours: SentenceChange & { version: number }; message: string }
  | { status: 'failed'; message: string }

export const IDLE = { status: 'idle' } as const

export function toFormState<T, V = undefined>(result: Result<T>, value?: (value: T) => V): FormState<V> {
  if (result.ok) return { status: 'saved', value: value ? value(result.value) : (undefined as V) }
  const failure = result.failure
  const message = failureMessage(failure)
  if (failure.error === 'invalid' && failure.fieldErrors)
    return { status: 'invalid', fieldErrors: failure.fieldErrors, message }
  if (failure.error === 'conflict')
    return { status: 'conflict', current: failure.current, yours: failure.yours, message }
  return { status: 'failed', message }
}
