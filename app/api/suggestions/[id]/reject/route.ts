// POST /api/suggestions/[id]/reject — documented in docs/api.md.
import type { NextRequest } from 'next/server'
import { rejectSuggestionHandler } from '@/lib/api/suggestion-api'
import { serverDeps } from '@/lib/api/deps'

export const dynamic = 'force-dynamic'

type Context = { params: Promise<{ id: string }> }

export async function POST(request: NextRequest, context: Context) {
  return rejectSuggestionHandler(serverDeps(), request, (await context.params).id)
}
