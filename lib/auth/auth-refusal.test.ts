import { APIError } from 'better-auth/api'
import { describe, expect, it } from 'vitest'
import { authRefusal, SIGN_UP_NOT_ACCEPTED_MESSAGE, WRONG_CREDENTIALS_MESSAGE } from '@/lib/auth/auth-refusal'

/** An APIError from another copy of better-call (the CJS build beside the ESM one): same shape, another class. */
class ForeignApiError extends Error {
  constructor(
    public status: string,
    public body: { code?: string; message?: string; retryAfterMs?: number },
    public statusCode: number,
  ) {
    super(body.message)
    this.name = 'APIError'
  }
}

const wrongPassword = { code: 'INVALID_EMAIL_OR_PASSWORD', message: 'Invalid email or password' }

describe('authRefusal', () => {
  it('reads a wrong password as the sign-in form’s words, from better-auth’s own class', () => {
    const error = new APIError('UNAUTHORIZED', wrongPassword)
    expect(authRefusal(error, 'sign-in')).toEqual({
      error: 'unprocessable',
      message: WRONG_CREDENTIALS_MESSAGE,
    })
  })

  it('reads the same refusal from an object that is not an instance of the local APIError', () => {
    const foreign = new ForeignApiError('UNAUTHORIZED', wrongPassword, 401)
    expect(foreign instanceof APIError).toBe(false)
    expect(authRefusal(foreign, 'sign-in')).toEqual({
      error: 'unprocessable',
      message: WRONG_CREDENTIALS_MESSAGE,
    })
    // A plain object (what crosses a structured clone) with only a status name and a code.
    const plain = { name: 'APIError', status: 'UNAUTHORIZED', body: wrongPassword }
    expect(authRefusal(plain, 'sign-in')).toEqual({
      error: 'unprocessable',
      message: WRONG_CREDENTIALS_MESSAGE,
    })
  })

  it('answers every sign-in refusal with the same words, so it does not tell which part was wrong', () => {
    for (const code of [
      'USER_NOT_FOUND',
      'CREDENTIAL_ACCOUNT_NOT_FOUND',
      'EMAIL_NOT_VERIFIED',
      'SOMETHING_NEW',
    ])
      expect(authRefusal(new ForeignApiError('FORBIDDEN', { code }, 403), 'sign-in')).toEqual({
        error: 'unprocessable',
        message: WRONG_CREDENTIALS_MESSAGE,
      })
  })

  it('puts a password better-auth finds too short or too long under the password field', () => {
    expect(
      authRefusal(
        new APIError('BAD_REQUEST', { code: 'PASSWORD_TOO_SHORT', message: 'Password too short' }),
        'sign-up',
      ),
    ).toEqual({
      error: 'invalid',
      message: 'Use at least 8 characters.',
      fieldErrors: { password: ['Use at least 8 characters.'] },
    })
    expect(
      authRefusal(new ForeignApiError('BAD_REQUEST', { code: 'PASSWORD_TOO_LONG' }, 400), 'sign-up'),
    ).toEqual({
      error: 'invalid',
      message: 'Use at most 128 characters.',
      fieldErrors: { password: ['Use at most 128 characters.'] },
    })
  })

  it('puts an email better-auth refuses under the email field', () => {
    expect(
      authRefusal(new ForeignApiError('BAD_REQUEST', { code: 'INVALID_EMAIL' }, 400), 'sign-up'),
    ).toMatchObject({
      error: 'invalid',
      fieldErrors: { email: ['Enter a valid email address.'] },
    })
  })

  it('says a taken email is taken only to the caller, which answers it as a new account', () => {
    for (const code of ['USER_ALREADY_EXISTS', 'USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL'])
      expect(authRefusal(new ForeignApiError('UNPROCESSABLE_ENTITY', { code }, 422), 'sign-up')).toBe(
        'email-taken',
      )
  })

  it('answers other sign-up refusals with the general words', () => {
    expect(
      authRefusal(
        new ForeignApiError('UNPROCESSABLE_ENTITY', { code: 'FAILED_TO_CREATE_USER' }, 422),
        'sign-up',
      ),
    ).toEqual({ error: 'invalid', message: SIGN_UP_NOT_ACCEPTED_MESSAGE })
  })

  it('reads the attempt limit (the app’s hook, or any 429) with its wait', () => {
    const limited = new APIError('TOO_MANY_REQUESTS', {
      code: 'RATE_LIMITED',
      message: 'too fast',
      retryAfterMs: 42_000,
    })
    expect(authRefusal(limited, 'sign-in')).toEqual({
      error: 'rate-limited',
      action: 'sign-in',
      retryAfterMs: 42_000,
    })
    expect(authRefusal(new ForeignApiError('TOO_MANY_REQUESTS', {}, 429), 'sign-up')).toEqual({
      error: 'rate-limited',
      action: 'sign-up',
      retryAfterMs: 1000,
    })
  })

  it('is null for what is not a refusal, so the caller rethrows it: bugs, outages, 5xx', () => {
    expect(authRefusal(new TypeError('x is undefined'), 'sign-in')).toBeNull()
    expect(authRefusal(Object.assign(new Error('unique'), { code: 'P2002' }), 'sign-up')).toBeNull()
    expect(authRefusal(new APIError('INTERNAL_SERVER_ERROR', { message: 'db down' }), 'sign-in')).toBeNull()
    expect(authRefusal(undefined, 'sign-in')).toBeNull()
    expect(authRefusal('Invalid email or password', 'sign-in')).toBeNull()
  })
})
