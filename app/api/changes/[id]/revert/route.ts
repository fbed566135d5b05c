// POST /api/changes/[id]/revert — documented in docs/api.md.
import type { NextRequest } from 'next/server'
import { revertChangeHandler } from '@/lib/api/change-api'
import { serverDeps } from '@/lib/api/deps'

export const dynamic = 'force-dynamic'

type Context = { params: Promise<{ id: string }> }

export async function POST(request: NextRequest, context: Context) {
  return revertChangeHandler(serverDeps(), request, (await context.params).id)
}
