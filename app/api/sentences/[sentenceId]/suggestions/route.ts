// POST /api/sentences/[sentenceId]/suggestions — documented in docs/api.md.
import type { NextRequest } from 'next/server'
import { createSuggestionHandler } from '@/lib/api/suggestion-api'
import { serverDeps } from '@/lib/api/deps'

export const dynamic = 'force-dynamic'

type Context = { params: Promise<{ sentenceId: string }> }

export async function POST(request: NextRequest, context: Context) {
  return createSuggestionHandler(serverDeps(), request, (await context.params).sentenceId)
}
