// GET /api/moderation/banned — hosts and admins; documented in docs/api.md.
import type { NextRequest } from 'next/server'
import { serverDeps } from '@/lib/api/deps'
import { bannedUsersHandler } from '@/lib/api/moderation-api'

export const dynamic = 'force-dynamic'

export async function GET(request: NextRequest) {
  return bannedUsersHandler(serverDeps(), request)
}
