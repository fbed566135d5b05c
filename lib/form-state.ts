// What a form's server action answers: nothing yet, saved, invalid fields (shown next to
// each field), or a failure in words. Shared by actions and client forms.
import type { z } from 'zod'

export type FormState =
  | { status: 'idle' }
  | { status: 'saved' }
  | { status: 'invalid'; fieldErrors: Record<string, string[]> }
  | { status: 'failed'; message: string }

export const IDLE: FormState = { status: 'idle' }

export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const errors: Record<string, string[]> = {}
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form')
    ;(errors[field] ??= []).push(issue.message)
  }
  return errors
}
