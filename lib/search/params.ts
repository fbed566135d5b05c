// Search parameters from the URL, validated at the edge. The page is lenient (a bad page
// number falls back to 1); the JSON API is strict and answers 400 with the reason.
import { z } from 'zod'
import { SEARCH_SORTS } from '@/lib/search/episode-groups'
import { MAX_QUERY_CHARS } from '@/lib/search/query'
import { SEARCH_MAX_LIMIT, SEARCH_PAGE_SIZE } from '@/lib/search/search'

const MAX_OFFSET = 10_000

const optionalFilter = z
  .string()
  .trim()
  .max(200)
  .optional()
  .transform((value) => (value ? value : undefined))

/** `/search?q=&page=&show=&speaker=&sort=`; every field forgiving. */
export const SearchPageParamsSchema = z.object({
  // Cut one past the limit, so the page still says the query is too long (lib/search/query.ts).
  q: z
    .string()
    .transform((q) => q.slice(0, MAX_QUERY_CHARS + 1))
    .catch('')
    .default(''),
  page: z.coerce.number().int().min(1).max(500).catch(1).default(1),
  show: optionalFilter.catch(undefined),
  speaker: optionalFilter.catch(undefined),
  // "search instead for …": the query exactly as typed, no typo correction or relaxing.
  exact: z
    .string()
    .optional()
    .transform((value) => value === '1')
    .catch(false),
  // Episode groups ordered by where their best hit ranks, or newest first.
  sort: z.enum(SEARCH_SORTS).catch('relevance').default('relevance'),
})

/** `GET /api/search?q=&limit=&offset=&show=&speaker=&exact=&sort=&episode=&all=` */
export const SearchApiParamsSchema = z
  .object({
    q: z
      .string({ error: 'q is required' })
      .max(MAX_QUERY_CHARS, `q is longer than ${MAX_QUERY_CHARS} characters`),
    limit: z.coerce
      .number({ error: 'limit must be a number' })
      .int('limit must be a whole number')
      .min(1, 'limit must be at least 1')
      .max(SEARCH_MAX_LIMIT, `limit must be at most ${SEARCH_MAX_LIMIT}`)
      .default(SEARCH_PAGE_SIZE),
    offset: z.coerce
      .number({ error: 'offset must be a number' })
      .int('offset must be a whole number')
      .min(0, 'offset must be 0 or more')
      .max(MAX_OFFSET, `offset must be at most ${MAX_OFFSET}`)
      .default(0),
    show: optionalFilter,
    speaker: optionalFilter,
    exact: z
      .enum(['0', '1'], { error: 'exact must be 0 or 1' })
      .optional()
      .transform((value) => value === '1'),
    sort: z.enum(SEARCH_SORTS, { error: 'sort must be relevance or date' }).default('relevance'),
    // One episode's slug: hits inside it only (find in this episode).
    episode: z
      .string()
      .trim()
      .min(1, 'episode must be an episode slug')
      .max(200, 'episode must be an episode slug')
      .optional(),
    // With episode: every matching sentence id in transcript order instead of a page of hits.
    all: z
      .enum(['0', '1'], { error: 'all must be 0 or 1' })
      .optional()
      .transform((value) => value === '1'),
  })
  .refine((params) => !params.all || params.episode !== undefined, { message: 'all=1 needs episode' })

/** First value of each key; repeated keys are not meaningful here. */
export function firstValues(params: Record<string, string | string[] | undefined> | URLSearchParams) {
  const entries: [string, string][] =
    params instanceof URLSearchParams
      ? [...new Set(params.keys())].map((key) => [key, params.get(key) ?? ''])
      : Object.entries(params).flatMap(([key, value]) => {
          const first = Array.isArray(value) ? value[0] : value
          return first === undefined ? [] : [[key, first] as [string, string]]
        })
  return Object.fromEntries(entries)
}
