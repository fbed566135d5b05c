// The tunables of commenting (rate limits, duplicate window, hold for review), read from the
// environment once. DAL functions take a policy argument so tests can pass their own.
import 'server-only'
import { env } from '@/lib/env'
import type { RateRule } from '@/lib/rate-limit'

export interface CommentPolicy {
  accountRule: RateRule
  ipRule: RateRule
  /** Same author, same text within this many ms is refused; 0 = off. */
  duplicateWindowMs: number
  /** A listener's first N comments are held for review; 0 = off. */
  holdFirst: number
}

export function commentPolicyFromEnv(): CommentPolicy {
  return {
    accountRule: { max: env.COMMENT_RATE_ACCOUNT_MAX, windowMs: env.COMMENT_RATE_WINDOW_MS },
    ipRule: { max: env.COMMENT_RATE_IP_MAX, windowMs: env.COMMENT_RATE_WINDOW_MS },
    duplicateWindowMs: env.COMMENT_DUPLICATE_WINDOW_MS,
    holdFirst: env.COMMENT_HOLD_FIRST,
  }
}
