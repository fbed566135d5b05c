// GET /api/sentences/[sentenceId]/revisions — documented in docs/api.md.
import type { NextRequest } from 'next/server'
import { sentenceRevisionsHandler } from '@/lib/api/correction-api'
import { serverDeps } from '@/lib/api/deps'

export const dynamic = 'force-dynamic'

type Context = { params: Promise<{ sentenceId: string }> }

export async function GET(request: NextRequest, context: Context) {
  return sentenceRevisionsHandler(serverDeps(), request, (await context.params).sentenceId)
}
