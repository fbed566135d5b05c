// Input rules shared by every feature: ids and the like. Feature schemas live beside their
// feature (lib/comments/schemas.ts, lib/corrections/schemas.ts) and build on these.
import { z } from 'zod'
import { slugFromTitle } from '@/lib/import/names'

/** SQLite ids fit in 64 bits, but Prisma's Int is 32-bit: a larger id would be a 500, not a 404. */
export const MAX_ID = 2_147_483_647

/** A positive integer id, from a number or a numeric string (paths, form fields). */
export const IdSchema = z.coerce.number({ error: 'must be a number' }).int().positive().max(MAX_ID)

/** Longest slug accepted; lookups by slug refuse longer ones (lib/operations/lookups.ts). */
export const MAX_SLUG_LENGTH = 120

/**
 * A show or episode slug, as `slugify` (lib/import/names.ts) makes them from file names:
 * lowercase letters and digits, in runs joined by single hyphens. It goes into URLs as is.
 */
export const SlugSchema = z
  .string({ error: 'A slug must be text.' })
  .trim()
  .min(1, { error: 'A slug is required.' })
  .max(MAX_SLUG_LENGTH, { error: `A slug can be at most ${MAX_SLUG_LENGTH} characters.` })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    error:
      'A slug may hold only lowercase letters, digits and single hyphens between them (like "episode-12").',
  })

/** An empty optional field (a form sends "" for a field left blank) counts as absent. */
export const blankAsAbsent = (value: unknown): unknown =>
  typeof value === 'string' && value.trim() === '' ? undefined : value

export const TitleSchema = (max: number) =>
  z
    .string({ error: 'A title is required.' })
    .trim()
    .min(1, { error: 'A title is required.' })
    .max(max, { error: `A title can be at most ${max} characters.` })

export const DescriptionSchema = (max: number) =>
  z
    .string({ error: 'A description must be text.' })
    .trim()
    .max(max, { error: `A description can be at most ${max} characters.` })

/**
 * For a schema's `.transform`: the slug given, or one made from the title (as a file name makes
 * one for the import CLI); a title without letters or digits needs a slug typed in.
 */
export function withSlugFromTitle<T extends { title: string; slug?: string | undefined }>(
  value: T,
  context: z.RefinementCtx,
): T & { slug: string } {
  const slug = value.slug ?? slugFromTitle(value.title, MAX_SLUG_LENGTH)
  if (!slug) {
    context.addIssue({
      code: 'custom',
      path: ['slug'],
      message: 'The title has no letters or digits to make a slug from; type a slug.',
    })
    return z.NEVER
  }
  return { ...value, slug }
}
