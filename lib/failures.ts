// The one table from an expected failure to its HTTP status and its words, used by the JSON
// adapter (lib/http/json-response.ts) and the form adapter (lib/forms/form-state.ts).
import type { Failure } from '@/lib/result'

export function failureStatus(failure: Failure): number {
  switch (failure.error) {
    case 'unauthenticated':
      return 401
    case 'forbidden':
    case 'banned':
    case 'comments-off':
      return 403
    case 'not-found':
      return 404
    case 'conflict':
    case 'already-reviewed':
    case 'duplicate':
      return 409
    case 'invalid':
      return 400
    case 'parent-invalid':
    case 'unprocessable':
      return 422
    case 'rate-limited':
      return 429
    case 'not-durable':
    case 'busy':
    case 'unavailable':
      return 503
  }
}

export function failureMessage(failure: Failure): string {
  switch (failure.error) {
    case 'unauthenticated':
      return 'Sign in to do that.'
    case 'forbidden':
      if (failure.message) return failure.message
      if (failure.need === 'host') return 'Only hosts can do that.'
      if (failure.need === 'admin') return 'Only admins can do that.'
      return 'You are not allowed to do that.'
    case 'banned':
      return 'Your account has been banned: you can read, but not write.'
    case 'not-found':
      return `That ${failure.what} does not exist.`
    case 'invalid':
    case 'unprocessable':
      return failure.message
    case 'conflict':
      if (failure.message) return failure.message
      return `Someone else changed this sentence (now version ${failure.current.version}); your version ${failure.yours.version} is stale.`
    case 'already-reviewed':
      return 'That suggestion has already been reviewed.'
    case 'parent-invalid':
      return 'You can only reply to a comment on the same sentence.'
    case 'comments-off':
      return 'Comments are turned off for this episode.'
    case 'duplicate':
      return 'You already posted this comment.'
    case 'rate-limited': {
      const doing = { comment: 'commenting', 'sign-in': 'trying to sign in', 'sign-up': 'signing up' }[
        failure.action
      ]
      return `You are ${doing} too fast. Try again in ${retryAfterSeconds(failure.retryAfterMs)} seconds.`
    }
    case 'not-durable':
      return (
        `Your comment (#${failure.commentId}) is saved on this server, but its off-site backup did not confirm it ` +
        `within ${Math.round(failure.waitedMs / 100) / 10} s. It will be backed up when replication catches up; do not post it again.`
      )
    case 'busy':
      return `The server is busy saving other changes; nothing was saved. Try again in ${retryAfterSeconds(failure.retryAfterMs)} seconds.`
    case 'unavailable':
      return `The database cannot be reached right now, so nothing was saved; reading still works. Try again in ${retryAfterSeconds(failure.retryAfterMs)} seconds.`
  }
}

/** Whole seconds, at least 1, for a Retry-After header. */
export function retryAfterSeconds(retryAfterMs: number): number {
  return Math.max(1, Math.ceil(retryAfterMs / 1000))
}
