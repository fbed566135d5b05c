// GET /api/health — for probes and tests: the database answers, and how replication is doing.
import { NextResponse } from 'next/server'
import { sqlite } from '@/lib/db'
import { replicationHealth } from '@/lib/replication-health'
import { countEpisodes } from '@/lib/sql'

export const dynamic = 'force-dynamic'

export function GET() {
  return NextResponse.json({
    ok: true,
    database: { episodes: countEpisodes(sqlite()) },
    replication: replicationHealth(),
  })
}
