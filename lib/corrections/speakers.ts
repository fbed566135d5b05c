// Renaming a speaker across an episode: every sentence with that speaker gets a revision
// (so it shows in history and can be reverted one by one), and segment headings follow.
import 'server-only'
import type { Caller } from '@/lib/auth/caller'
import { editorFailure } from '@/lib/corrections/access'
import { applyChange } from '@/lib/corrections/edits'
import type { CorrectionResult } from '@/lib/corrections/types'
import type { PrismaClient } from '@/lib/generated/prisma/client'

export async function renameSpeaker(
  db: PrismaClient,
  caller: Caller | null,
  episodeId: number,
  from: string,
  to: string,
): Promise<CorrectionResult<{ changed: number }>> {
  const refused = editorFailure(caller)
  if (refused || !caller) return { ok: false, ...(refused ?? { error: 'unauthenticated' }) }
  if (from === to) return { ok: false, error: 'invalid', message: 'The new name is the same as the old one.' }
  return db.$transaction(async (tx) => {
    const sentences = await tx.sentence.findMany({
      where: { episodeId, speaker: from },
      select: { id: true, version: true },
    })
    if (sentences.length === 0)
      return {
        ok: false as const,
        error: 'invalid' as const,
        message: `Nobody called “${from}” speaks in this episode.`,
      }
    for (const sentence of sentences) {
      // Inside one write transaction the versions just read are current, so this cannot conflict.
      await applyChange(
        tx,
        sentence.id,
        { speaker: to, version: sentence.version },
        { authorId: caller.id, kind: 'edit', reason: `Renamed speaker “${from}” to “${to}”` },
      )
    }
    await tx.segment.updateMany({ where: { episodeId, speaker: from }, data: { speaker: to } })
    return { ok: true as const, changed: sentences.length }
  })
}
