import { describe, expect, it } from 'vitest'
import { parseEnv } from '../env'

describe('comment and sign-in settings in the environment', () => {
  it('has sensible defaults', () => {
    const env = parseEnv({})
    expect(env).toMatchObject({
      COMMENT_RATE_ACCOUNT_MAX: 10,
      COMMENT_RATE_IP_MAX: 60,
      COMMENT_RATE_WINDOW_MS: 60_000,
      COMMENT_DUPLICATE_WINDOW_MS: 3_600_000,
      COMMENT_HOLD_FIRST: 0,
      SIGN_IN_RATE_MAX: 10,
    })
    expect(env.BETTER_AUTH_SECRET).toBeUndefined()
  })

  it('reads numbers from strings and names every bad variable', () => {
    expect(parseEnv({ COMMENT_RATE_ACCOUNT_MAX: '3', COMMENT_HOLD_FIRST: '2' })).toMatchObject({
      COMMENT_RATE_ACCOUNT_MAX: 3,
      COMMENT_HOLD_FIRST: 2,
    })
    expect(() => parseEnv({ COMMENT_RATE_IP_MAX: 'lots', BETTER_AUTH_SECRET: 'short' })).toThrow(
      /COMMENT_RATE_IP_MAX[\s\S]*BETTER_AUTH_SECRET|BETTER_AUTH_SECRET[\s\S]*COMMENT_RATE_IP_MAX/,
    )
  })
})
