// Words and HTTP statuses for the expected failures of corrections, so the API and the
// episode page's forms say the same thing.
import type { CorrectionFailure } from '@/lib/corrections/types'

export function correctionMessage(failure: CorrectionFailure): string {
  switch (failure.error) {
    case 'unauthenticated':
      return 'Sign in to do that.'
    case 'forbidden':
      return 'Only hosts can do that.'
    case 'banned':
      return 'Your account has been banned from writing.'
    case 'not-found':
      return `That ${failure.what} does not exist.`
    case 'conflict':
      return `Someone else changed this sentence (now version ${failure.current.version}); your version ${failure.yours.version} is stale.`
    case 'invalid':
      return failure.message
    case 'already-reviewed':
      return 'That suggestion has already been reviewed.'
  }
}

export function correctionStatus(failure: CorrectionFailure): number {
  switch (failure.error) {
    case 'unauthenticated':
      return 401
    case 'forbidden':
    case 'banned':
      return 403
    case 'not-found':
      return 404
    case 'conflict':
    case 'already-reviewed':
      return 409
    case 'invalid':
      return 422
  }
}
