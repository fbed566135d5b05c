// GET /api/suggestions — documented in docs/api.md.
import type { NextRequest } from 'next/server'
import { listSuggestionsHandler } from '@/lib/api/suggestion-api'
import { serverDeps } from '@/lib/api/deps'

export const dynamic = 'force-dynamic'

export async function GET(request: NextRequest) {
  return listSuggestionsHandler(serverDeps(), request)
}
