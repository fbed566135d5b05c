// The one result type of the app's operations (lib/*/operations.ts): a value, or one of the
// expected failures below. Expected failures are values; bugs and outages throw. The HTTP
// status and the words for each failure live in one table (lib/failures.ts), so the JSON API
// and the forms say the same thing.
import type { SentenceChange, SentenceDto } from '@/lib/corrections/types'

/** What a missing or refused thing is, for messages ("That sentence does not exist."). */
export type Resource =
  | 'comment'
  | 'sentence'
  | 'revision'
  | 'change'
  | 'suggestion'
  | 'episode'
  | 'show'
  | 'user'
  | 'parent comment'
  | 'API token'
  | 'notification'
  | 'import conflict'

export type Failure =
  | { error: 'unauthenticated' }
  /** Signed in, but the role does not allow it; `need` names the role that would. */
  | { error: 'forbidden'; need?: 'host' | 'admin'; message?: string }
  | { error: 'banned' }
  | { error: 'not-found'; what: Resource }
  /** Input that fails its schema (400); fieldErrors name the fields for forms. */
  | { error: 'invalid'; message: string; fieldErrors?: Record<string, string[]> }
  /** Well-formed input that a rule refuses (422): unchanged text, nothing to merge, no such speaker. */
  | { error: 'unprocessable'; message: string }
  /**
   * Optimistic concurrency: the sentence changed since the caller read it; both versions go back.
   * `message` says it in other words where "your version" does not fit (reverting a change).
   */
  | { error: 'conflict'; current: SentenceDto; yours: SentenceChange & { version: number }; message?: string }
  | { error: 'already-reviewed' }
  | { error: 'parent-invalid' }
  | { error: 'comments-off' }
  | { error: 'duplicate' }
  | { error: 'rate-limited'; retryAfterMs: number; action: 'comment' | 'sign-in' | 'sign-up' }
  /** Saved here, but the replica did not confirm it in time (REPLICA_URL set). */
  | { error: 'not-durable'; waitedMs: number; commentId: number }
  /** The write lock stayed taken for the whole wait (lib/db/write-transaction.ts): nothing was written. */
  | { error: 'busy'; retryAfterMs: number }
  /** The sqld primary cannot be reached (embedded-replica node, docs/decisions/0023): nothing was written. */
  | { error: 'unavailable'; retryAfterMs: number }

export type FailureCode = Failure['error']

export type Result<T> = { ok: true; value: T } | { ok: false; failure: Failure }

export function ok<T>(value: T): Result<T> {
  return { ok: true, value }
}

export function fail<T = never>(failure: Failure): Result<T> {
  return { ok: false, failure }
}

export function notFound<T = never>(what: Resource): Result<T> {
  return fail({ error: 'not-found', what })
}

export function invalid<T = never>(message: string, fieldErrors?: Record<string, string[]>): Result<T> {
  return fail({ error: 'invalid', message, ...(fieldErrors ? { fieldErrors } : {}) })
}

export function unprocessable<T = never>(message: string): Result<T> {
  return fail({ error: 'unprocessable', message })
}
