// POST /api/comments/:id/moderation — hosts and admins; documented in docs/api.md.
import type { NextRequest } from 'next/server'
import { serverDeps } from '@/lib/api/deps'
import { moderateCommentHandler } from '@/lib/api/moderation-api'

export const dynamic = 'force-dynamic'

type Context = { params: Promise<{ id: string }> }

export async function POST(request: NextRequest, context: Context) {
  return moderateCommentHandler(serverDeps(), request, (await context.params).id)
}
