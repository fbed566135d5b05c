// POST /api/comments/:id/reports — documented in docs/api.md.
import type { NextRequest } from 'next/server'
import { reportCommentHandler } from '@/lib/api/comment-api'
import { serverDeps } from '@/lib/api/deps'

export const dynamic = 'force-dynamic'

type Context = { params: Promise<{ id: string }> }

export async function POST(request: NextRequest, context: Context) {
  return reportCommentHandler(serverDeps(), request, (await context.params).id)
}
