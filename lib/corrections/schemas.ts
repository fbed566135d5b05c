// Input rules for corrections, shared by the editing forms (client), the server actions and
// the API routes, so every side rejects the same things with the same words.
import { z } from 'zod'
import { CHANGE_KINDS, type ChangeKind } from '@/lib/corrections/types'
import { SENTENCE_MAX_LENGTH } from '@/lib/sentences/sentence-text'
import { blankAsAbsent, IdSchema } from '@/lib/validation'

export const SPEAKER_MAX_LENGTH = 100
export const REASON_MAX_LENGTH = 500
// Prisma's Int is 32-bit; a start time past ~596 hours would be a 500, not a 400.
const MAX_MS = 2_147_483_647

export const SentenceTextSchema = z
  .string({ error: 'text must be a string' })
  .trim()
  .min(1, { error: 'A sentence cannot be empty.' })
  .max(SENTENCE_MAX_LENGTH, { error: `A sentence can be at most ${SENTENCE_MAX_LENGTH} characters.` })

const SpeakerSchema = z
  .string({ error: 'speaker must be a string or null' })
  .trim()
  .max(SPEAKER_MAX_LENGTH, { error: `A speaker name can be at most ${SPEAKER_MAX_LENGTH} characters.` })
  .nullable()
  // An empty name means "no speaker".
  .transform((value) => (value ? value : null))

const StartMsSchema = z
  .number({ error: 'startMs must be a number' })
  .int({ error: 'startMs must be whole milliseconds' })
  .min(0, { error: 'startMs cannot be negative' })
  .max(MAX_MS)

const VersionSchema = z
  .number({ error: 'version is required: the version you read (GET /api/sentences/:id)' })
  .int()
  .positive()
  .max(MAX_MS)

export const ReasonSchema = z
  .string({ error: 'reason must be a string' })
  .trim()
  .max(REASON_MAX_LENGTH, { error: `A reason can be at most ${REASON_MAX_LENGTH} characters.` })
  .optional()
  .default('')

export const EditSentenceSchema = z
  .strictObject({
    text: SentenceTextSchema.optional(),
    speaker: SpeakerSchema.optional(),
    startMs: StartMsSchema.optional(),
    version: VersionSchema,
    reason: ReasonSchema,
  })
  .refine((edit) => edit.text !== undefined || edit.speaker !== undefined || edit.startMs !== undefined, {
    error: 'Send at least one of text, speaker, startMs.',
  })
export type EditSentence = z.infer<typeof EditSentenceSchema>

export const RevertSchema = z.strictObject({ reason: ReasonSchema })

export const SuggestSchema = z.strictObject({ text: SentenceTextSchema })

export const RejectSchema = z.strictObject({
  reason: z
    .string({ error: 'reason is required' })
    .trim()
    .min(1, { error: 'Say why the suggestion is rejected.' })
    .max(REASON_MAX_LENGTH),
})

export const AcceptSchema = z.strictObject({})

export const SplitSchema = z.strictObject({
  /** Character offset in the current text where the second sentence begins. */
  at: z.number({ error: 'at must be a character offset' }).int().positive().max(SENTENCE_MAX_LENGTH),
  version: VersionSchema,
})

export const MergeSchema = z.strictObject({ version: VersionSchema })

export const ReplaceSchema = z.strictObject({
  find: z.string({ error: 'find is required' }).min(1, { error: 'Say what to find.' }).max(200),
  replace: z.string({ error: 'replace must be a string' }).max(200),
  matchCase: z.boolean().optional().default(false),
  wholeWord: z.boolean().optional().default(true),
  scope: z
    .enum(['episode', 'show'], { error: 'scope must be episode or show' })
    .optional()
    .default('episode'),
  /** false: preview only (the default); true: apply, all or nothing. */
  apply: z.boolean().optional().default(false),
})

export const RenameSpeakerSchema = z.strictObject({
  from: z.string({ error: 'from is required' }).trim().min(1).max(SPEAKER_MAX_LENGTH),
  to: z
    .string({ error: 'to is required' })
    .trim()
    .min(1, { error: 'The new name cannot be empty.' })
    .max(SPEAKER_MAX_LENGTH),
})

/**
 * The history page's filters, from a query string (GET /api/episodes/:slug/changes, the page's
 * form): every value a string, a blank one meaning "any".
 */
export const ChangeFilterSchema = z.strictObject({
  sentence: z.preprocess(blankAsAbsent, IdSchema.optional()),
  author: z.preprocess(
    blankAsAbsent,
    z.string({ error: 'author must be a user id' }).max(100, { error: 'author is not a user id' }).optional(),
  ),
  kind: z.preprocess(
    blankAsAbsent,
    z
      .enum(CHANGE_KINDS as [ChangeKind, ...ChangeKind[]], {
        error: `kind must be one of ${CHANGE_KINDS.join(', ')}`,
      })
      .optional(),
  ),
  /** Older than this change: the next page. */
  before: z.preprocess(blankAsAbsent, IdSchema.optional()),
})
export type ChangeFilterInput = z.infer<typeof ChangeFilterSchema>
