// GET /api/search?q=…&limit=…&offset=…&sort=…&episode=…&all=… — documented in docs/api.md.
// `npm start`'s worker calls this GET itself, beside Next's router (lib/http/direct-routes.ts,
// offered by instrumentation.ts): it must need nothing of Next's request context.
import { searchGet } from '@/lib/api/search-api'
import { prisma, sqlite } from '@/lib/db/client'

export const dynamic = 'force-dynamic'

export function GET(request: Request) {
  return searchGet(request, { db: prisma(), sqlite: sqlite() })
}
