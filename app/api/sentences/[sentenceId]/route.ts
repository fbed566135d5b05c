// GET and PATCH /api/sentences/[sentenceId] — documented in docs/api.md.
import type { NextRequest } from 'next/server'
import { getSentenceHandler, editSentenceHandler } from '@/lib/api/correction-api'
import { serverDeps } from '@/lib/api/deps'

export const dynamic = 'force-dynamic'

type Context = { params: Promise<{ sentenceId: string }> }

export async function GET(request: NextRequest, context: Context) {
  return getSentenceHandler(serverDeps(), request, (await context.params).sentenceId)
}

export async function PATCH(request: NextRequest, context: Context) {
  return editSentenceHandler(serverDeps(), request, (await context.params).sentenceId)
}
