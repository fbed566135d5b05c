// Shows a host makes by hand, without a feed (issue 10 item 5): the studio's "New show" form and
// POST /api/shows. Shows from feeds are added by lib/feeds/operations.ts.
import 'server-only'
import { z } from 'zod'
import { authorize } from '@/lib/auth/policy'
import type { OperationContext } from '@/lib/operations/context'
import { parseInput } from '@/lib/operations/input'
import { ok, type Result } from '@/lib/result'
import { insertShowRow } from '@/lib/shows/show-store'
import { grantToCreator } from '@/lib/users/show-hosts'
import {
  blankAsAbsent,
  DescriptionSchema,
  SlugSchema,
  TitleSchema,
  withSlugFromTitle,
} from '@/lib/validation'

export const SHOW_TITLE_MAX_LENGTH = 200
export const SHOW_DESCRIPTION_MAX_LENGTH = 5_000

const NewShowSchema = z
  .strictObject({
    title: TitleSchema(SHOW_TITLE_MAX_LENGTH),
    slug: z.preprocess(blankAsAbsent, SlugSchema.optional()),
    description: z.preprocess(blankAsAbsent, DescriptionSchema(SHOW_DESCRIPTION_MAX_LENGTH).optional()),
  })
  .transform(withSlugFromTitle)

export interface CreatedShow {
  show: { slug: string; title: string }
}

/** Creates a show; `body` is `{ title, slug?, description? }` (slug from the title when absent). */
export async function createShow(ctx: OperationContext, body: unknown): Promise<Result<CreatedShow>> {
  const caller = authorize(ctx.caller, 'edit-transcripts')
  if (!caller.ok) return caller
  const input = parseInput(NewShowSchema, body)
  if (!input.ok) return input
  const { title, slug, description = '' } = input.value
  const now = ctx.now ?? new Date()
  const inserted = await insertShowRow(ctx.sqlite, { title, slug, description }, now)
  if (!inserted.ok) return inserted
  const granted = await grantToCreator(ctx.sqlite, caller.value, inserted.value.id, now)
  if (!granted.ok) return granted
  return ok({ show: { slug, title } })
}
