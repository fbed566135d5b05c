// GET and POST /api/sentences/:sentenceId/comments — documented in docs/api.md.
import type { NextRequest } from 'next/server'
import { createCommentHandler, listSentenceCommentsHandler } from '@/lib/api/comment-api'
import { serverDeps } from '@/lib/api/deps'

export const dynamic = 'force-dynamic'

type Context = { params: Promise<{ sentenceId: string }> }

export async function GET(request: NextRequest, context: Context) {
  return listSentenceCommentsHandler(serverDeps(), request, (await context.params).sentenceId)
}

export async function POST(request: NextRequest, context: Context) {
  return createCommentHandler(serverDeps(), request, (await context.params).sentenceId)
}
