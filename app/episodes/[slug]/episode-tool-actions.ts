'use server'
// Episode-wide corrections from the episode page (hosts): find and replace with a preview,
// and renaming a speaker. Same schemas and DAL as POST /api/episodes/:slug/{replace,speakers}.
import { revalidatePath } from 'next/cache'
import { getCurrentCaller } from '@/lib/auth/session'
import { issuesMessage } from '@/lib/api/responses'
import { editorFailure } from '@/lib/corrections/access'
import { correctionMessage } from '@/lib/corrections/failures'
import { applyReplace, previewReplace, type ReplacementPreview } from '@/lib/corrections/find-replace'
import { RenameSpeakerSchema, ReplaceSchema } from '@/lib/corrections/schemas'
import { renameSpeaker } from '@/lib/corrections/speakers'
import { prisma } from '@/lib/db/client'

export type ToolState =
  | { status: 'idle' }
  | { status: 'preview'; changes: ReplacementPreview[] }
  | { status: 'done'; message: string }
  | { status: 'failed'; message: string }

async function episodeId(slug: string): Promise<number | null> {
  const episode = await prisma().episode.findUnique({ where: { slug }, select: { id: true } })
  return episode?.id ?? null
}

export async function replaceAction(slug: string, input: unknown): Promise<ToolState> {
  const caller = await getCurrentCaller()
  const refused = editorFailure(caller)
  if (refused) return { status: 'failed', message: correctionMessage(refused) }
  const parsed = ReplaceSchema.safeParse(input)
  if (!parsed.success) return { status: 'failed', message: issuesMessage(parsed.error) }
  const id = await episodeId(slug)
  if (id === null)
    return { status: 'failed', message: correctionMessage({ error: 'not-found', what: 'episode' }) }
  const { apply, ...request } = parsed.data
  const changes = await previewReplace(prisma(), id, request)
  if (!apply) return { status: 'preview', changes }
  const result = await applyReplace(prisma(), caller, changes, request)
  if (!result.ok) return { status: 'failed', message: correctionMessage(result) }
  revalidatePath('/episodes/[slug]', 'page')
  return {
    status: 'done',
    message: `Replaced in ${result.changed} sentence${result.changed === 1 ? '' : 's'}.`,
  }
}

export async function renameSpeakerAction(slug: string, input: unknown): Promise<ToolState> {
  const parsed = RenameSpeakerSchema.safeParse(input)
  if (!parsed.success) return { status: 'failed', message: issuesMessage(parsed.error) }
  const id = await episodeId(slug)
  if (id === null)
    return { status: 'failed', message: correctionMessage({ error: 'not-found', what: 'episode' }) }
  const result = await renameSpeaker(prisma(), await getCurrentCaller(), id, parsed.data.from, parsed.data.to)
  if (!result.ok) return { status: 'failed', message: correctionMessage(result) }
  revalidatePath(`/episodes/${slug}`)
  return { status: 'done', message: `Renamed the speaker on ${result.changed} sentences.` }
}
