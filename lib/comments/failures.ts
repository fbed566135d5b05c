// Words and HTTP statuses for the expected failures of comment operations, so the API and
// the forms say the same thing.
import type { CommentFailure } from '@/lib/comments/types'

export function failureMessage(failure: CommentFailure): string {
  switch (failure.error) {
    case 'unauthenticated':
      return 'Sign in to do that.'
    case 'forbidden':
      return 'You are not allowed to do that.'
    case 'banned':
      return 'Your account has been banned from commenting.'
    case 'not-found':
      return 'That comment does not exist.'
    case 'sentence-missing':
      return 'That sentence does not exist.'
    case 'parent-invalid':
      return 'You can only reply to a comment on the same sentence.'
    case 'comments-off':
      return 'Comments are turned off for this episode.'
    case 'duplicate':
      return 'You already posted this comment.'
    case 'rate-limited':
      return `You are commenting too fast. Try again in ${retryAfterSeconds(failure.retryAfterMs)} seconds.`
    case 'not-durable':
      return (
        `Your comment (#${failure.commentId}) is saved on this server, but its off-site backup did not confirm it ` +
        `within ${Math.round(failure.waitedMs / 100) / 10} s. It will be backed up when replication catches up; do not post it again.`
      )
  }
}

export function failureStatus(failure: CommentFailure): number {
  switch (failure.error) {
    case 'unauthenticated':
      return 401
    case 'forbidden':
    case 'banned':
    case 'comments-off':
      return 403
    case 'not-found':
    case 'sentence-missing':
      return 404
    case 'parent-invalid':
      return 422
    case 'duplicate':
      return 409
    case 'rate-limited':
      return 429
    case 'not-durable':
      return 503
  }
}

/** Whole seconds, at least 1, for a Retry-After header. */
export function retryAfterSeconds(retryAfterMs: number): number {
  return Math.max(1, Math.ceil(retryAfterMs / 1000))
}
