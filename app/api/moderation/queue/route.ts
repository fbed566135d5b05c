// GET /api/moderation/queue — hosts and admins; documented in docs/api.md.
import type { NextRequest } from 'next/server'
import { serverDeps } from '@/lib/api/deps'
import { moderationQueueHandler } from '@/lib/api/moderation-api'

export const dynamic = 'force-dynamic'

export async function GET(request: NextRequest) {
  return moderationQueueHandler(serverDeps(), request)
}
