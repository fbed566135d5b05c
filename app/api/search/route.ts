// GET /api/search?q=…&limit=…&offset=…&sort=…&episode=…&all=… — documented in docs/api.md.
import type { NextRequest } from 'next/server'
import { searchGet } from '@/lib/api/search-api'
import { prisma, sqlite } from '@/lib/db/client'

export const dynamic = 'force-dynamic'

export function GET(request: NextRequest) {
  return searchGet(request, { db: prisma(), sqlite: sqlite() })
}
