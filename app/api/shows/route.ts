// POST /api/shows — a show made by hand (hosts); documented in docs/api.md.
import { serverDeps } from '@/lib/api/deps'
import { createShowHandler } from '@/lib/api/studio-api'

export const dynamic = 'force-dynamic'

export async function POST(request: Request) {
  return createShowHandler(serverDeps(), request)
}
