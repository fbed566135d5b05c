// PATCH and DELETE /api/comments/:id — documented in docs/api.md.
import type { NextRequest } from 'next/server'
import { deleteCommentHandler, editCommentHandler } from '@/lib/api/comment-api'
import { serverDeps } from '@/lib/api/deps'

export const dynamic = 'force-dynamic'

type Context = { params: Promise<{ id: string }> }

export async function PATCH(request: NextRequest, context: Context) {
  return editCommentHandler(serverDeps(), request, (await context.params).id)
}

export async function DELETE(request: NextRequest, context: Context) {
  return deleteCommentHandler(serverDeps(), request, (await context.params).id)
}
