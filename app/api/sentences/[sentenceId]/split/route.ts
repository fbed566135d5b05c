// POST /api/sentences/[sentenceId]/split — documented in docs/api.md.
import type { NextRequest } from 'next/server'
import { splitSentenceHandler } from '@/lib/api/correction-api'
import { serverDeps } from '@/lib/api/deps'

export const dynamic = 'force-dynamic'

type Context = { params: Promise<{ sentenceId: string }> }

export async function POST(request: NextRequest, context: Context) {
  return splitSentenceHandler(serverDeps(), request, (await context.params).sentenceId)
}
