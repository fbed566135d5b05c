// The sentence corrections, one operation per use case: read a sentence and its history, edit,
// revert, split, merge. Each parses its raw input, authorizes ('edit-transcripts' for every
// write), and runs its structural write in one write transaction of the sentence module
// (lib/sentences/). The JSON API (lib/api/correction-api.ts) and the episode page's server
// actions (app/episodes/[slug]/correction-actions.ts) are adapters over these. Checks run in
// the order the API promises: who (401/403), which record (404), what (400), then the rules.
import 'server-only'
import type { z } from 'zod'
import type { SqliteDatabase } from '@/lib/db/sqlite'
import type { RecordInput } from '@/lib/operations/input'
import { recordInputOnShow } from '@/lib/operations/show-of'
import { listEpisodeRevisions, listSentenceRevisions } from '@/lib/corrections/revisions'
import { EditSentenceSchema, MergeSchema, RevertSchema, SplitSchema } from '@/lib/corrections/schemas'
import type { RevisionDto, SentenceDto } from '@/lib/corrections/types'
import type { OperationContext } from '@/lib/operations/context'
import { parseId } from '@/lib/operations/input'
import { episodeBySlug, type EpisodeRef } from '@/lib/operations/lookups'
import { notFound, ok, type Resource, type Result } from '@/lib/result'
import { changeSentence, type Applied } from '@/lib/sentences/edit'
import { revertRevision as revertInTranscript } from '@/lib/sentences/revert'
import { mergeWithNext, splitSentence as splitInTranscript } from '@/lib/sentences/split-merge'
import { inWriteTransaction } from '@/lib/db/write-transaction'

const SENTENCE_SELECT = { id: true, text: true, speaker: true, startMs: true, version: true } as const

/** GET a sentence with its version (public). */
export async function getSentence(
  ctx: OperationContext,
  input: { sentenceId: unknown },
): Promise<Result<SentenceDto>> {
  const id = parseId(input.sentenceId, 'sentence')
  if (!id.ok) return id
  const sentence = await ctx.db.sentence.findUnique({ where: { id: id.value }, select: SENTENCE_SELECT })
  return sentence ? ok(sentence) : notFound('sentence')
}

/** A host's edit of one sentence's text, speaker or start, at the version they read. */
export async function editSentence(
  ctx: OperationContext,
  input: { sentenceId: unknown; body: unknown },
): Promise<Result<Applied>> {
  const raw = { id: input.sentenceId, what: 'sentence' as const, body: input.body }
  return transcriptWrite(ctx, raw, EditSentenceSchema, (db, { authorId, id, body }, now) => {
    const { reason, ...change } = body
    return changeSentence(db, id, change, { authorId, kind: 'edit', reason }, now)
  })
}

/** A sentence's revisions, newest first (public). */
export async function sentenceHistory(
  ctx: OperationContext,
  input: { sentenceId: unknown },
): Promise<Result<RevisionDto[]>> {
  const sentence = await getSentence(ctx, input)
  if (!sentence.ok) return sentence
  return ok(await listSentenceRevisions(ctx.db, sentence.value.id))
}

/** An episode's revisions, newest first, at most 200 (public). */
export async function episodeHistory(
  ctx: OperationContext,
  input: { slug: string },
): Promise<Result<{ episode: EpisodeRef; revisions: RevisionDto[] }>> {
  const episode = await episodeBySlug(ctx.db, input.slug)
  if (!episode.ok) return episode
  return ok({ episode: episode.value, revisions: await listEpisodeRevisions(ctx.db, episode.value.id) })
}

/** Puts a revision's "before" back on its sentence, as a new revision. */
export async function revertRevision(
  ctx: OperationContext,
  input: { revisionId: unknown; body: unknown },
): Promise<Result<Applied>> {
  const raw = { id: input.revisionId, what: 'revision' as const, body: input.body }
  return transcriptWrite(ctx, raw, RevertSchema, (db, { authorId, id, body }, now) =>
    revertInTranscript(db, id, { authorId, reason: body.reason }, now),
  )
}

/** Splits a sentence at a character offset; the second half becomes a new sentence. */
export async function splitSentence(
  ctx: OperationContext,
  input: { sentenceId: unknown; body: unknown },
): Promise<Result<{ first: SentenceDto; second: SentenceDto }>> {
  const raw = { id: input.sentenceId, what: 'sentence' as const, body: input.body }
  return transcriptWrite(ctx, raw, SplitSchema, (db, { authorId, id, body }, now) =>
    splitInTranscript(db, id, body, authorId, now),
  )
}

/** Merges the next sentence into this one. */
export async function mergeSentence(
  ctx: OperationContext,
  input: { sentenceId: unknown; body: unknown },
): Promise<Result<{ sentence: SentenceDto }>> {
  const raw = { id: input.sentenceId, what: 'sentence' as const, body: input.body }
  return transcriptWrite(ctx, raw, MergeSchema, (db, { authorId, id, body }, now) =>
    mergeWithNext(db, id, body.version, authorId, now),
  )
}

/** A host's write on one record: authorized and parsed, then one write transaction. */
async function transcriptWrite<B, T>(
  ctx: OperationContext,
  raw: { id: unknown; what: Resource; body: unknown },
  schema: z.ZodType<B>,
  write: (db: SqliteDatabase, input: RecordInput<B>, now: Date) => Result<T>,
): Promise<Result<T>> {
  // A host edits only the shows they host (lib/operations/show-of.ts).
  const input = await recordInputOnShow(ctx, 'edit-transcripts', raw, schema)
  if (!input.ok) return input
  return inWriteTransaction(ctx.sqlite, () => write(ctx.sqlite, input.value, ctx.now ?? new Date()))
}
