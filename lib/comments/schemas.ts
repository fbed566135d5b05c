// Input rules for comments, shared by the comment form (client) and the server actions and
// API routes, so both sides reject the same things with the same words.
import { z } from 'zod'
import { MAX_ID } from '@/lib/validation'

export const COMMENT_MAX_LENGTH = 2000
export const REPORT_REASON_MAX_LENGTH = 500

const CommentBodySchema = z
  .string({ error: 'body must be a string' })
  .trim()
  .min(1, { error: 'Write something first: a comment cannot be empty.' })
  .max(COMMENT_MAX_LENGTH, { error: `A comment can be at most ${COMMENT_MAX_LENGTH} characters.` })

export const NewCommentSchema = z.strictObject({
  body: CommentBodySchema,
  parentId: z.number({ error: 'parentId must be a number' }).int().positive().max(MAX_ID).nullish(),
})
export type NewComment = z.infer<typeof NewCommentSchema>

export const EditCommentSchema = z.strictObject({ body: CommentBodySchema })
export type EditComment = z.infer<typeof EditCommentSchema>

export const NewReportSchema = z.strictObject({
  reason: z.string().trim().max(REPORT_REASON_MAX_LENGTH).optional().default(''),
})
export type NewReport = z.infer<typeof NewReportSchema>

export const ModerationActionSchema = z.strictObject({
  action: z.enum(['hide', 'unhide', 'approve', 'delete', 'dismiss'], {
    error: 'action must be one of hide, unhide, approve, delete, dismiss',
  }),
})
export type ModerationAction = z.infer<typeof ModerationActionSchema>['action']

/** Form fields arrive as strings; an empty parentId means a top-level comment. */
export const CommentFormSchema = z.object({
  body: CommentBodySchema,
  parentId: z
    .string()
    .optional()
    .transform((value) => (value ? Number(value) : null))
    .pipe(z.number().int().positive().max(MAX_ID).nullable()),
})
