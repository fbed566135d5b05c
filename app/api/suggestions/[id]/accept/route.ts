// POST /api/suggestions/[id]/accept — documented in docs/api.md.
import type { NextRequest } from 'next/server'
import { acceptSuggestionHandler } from '@/lib/api/suggestion-api'
import { serverDeps } from '@/lib/api/deps'

export const dynamic = 'force-dynamic'

type Context = { params: Promise<{ id: string }> }

export async function POST(request: NextRequest, context: Context) {
  return acceptSuggestionHandler(serverDeps(), request, (await context.params).id)
}
