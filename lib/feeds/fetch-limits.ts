// The limits of fetching from the internet (safe-fetch.ts), apart from the fetching itself so
// lib/env.ts can name them as settings (FEED_TIMEOUT_MS, TRANSCRIPT_MAX_BYTES, …) without
// pulling node:http into everything that reads the environment.

export type FetchKind = 'feed' | 'transcript' | 'chapters' | 'artwork'

export interface FetchLimit {
  /** The whole fetch (every redirect, headers and body) must finish within this. */
  timeoutMs: number
  /** Largest body accepted, in bytes, after decompression. */
  maxBytes: number
}

export type FetchLimits = Record<FetchKind, FetchLimit>

export const MB = 1_000_000

export const DEFAULT_FEED_TIMEOUT_MS = 15_000
export const DEFAULT_FEED_MAX_BYTES = 5 * MB
export const DEFAULT_TRANSCRIPT_TIMEOUT_MS = 15_000
export const DEFAULT_TRANSCRIPT_MAX_BYTES = 10 * MB
export const DEFAULT_CHAPTERS_TIMEOUT_MS = 10_000
export const DEFAULT_CHAPTERS_MAX_BYTES = 1 * MB
export const DEFAULT_ARTWORK_TIMEOUT_MS = 15_000
export const DEFAULT_ARTWORK_MAX_BYTES = 5 * MB
export const DEFAULT_MAX_REDIRECTS = 5

export const DEFAULT_FETCH_LIMITS: FetchLimits = {
  feed: { timeoutMs: DEFAULT_FEED_TIMEOUT_MS, maxBytes: DEFAULT_FEED_MAX_BYTES },
  transcript: { timeoutMs: DEFAULT_TRANSCRIPT_TIMEOUT_MS, maxBytes: DEFAULT_TRANSCRIPT_MAX_BYTES },
  chapters: { timeoutMs: DEFAULT_CHAPTERS_TIMEOUT_MS, maxBytes: DEFAULT_CHAPTERS_MAX_BYTES },
  artwork: { timeoutMs: DEFAULT_ARTWORK_TIMEOUT_MS, maxBytes: DEFAULT_ARTWORK_MAX_BYTES },
}
