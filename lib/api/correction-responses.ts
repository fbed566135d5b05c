// Turning an expected correction failure into JSON with the right status. A conflict (409)
// carries both versions, so a script (or the editor) can show them and nothing is lost.
import 'server-only'
import { NextResponse } from 'next/server'
import { correctionMessage, correctionStatus } from '@/lib/corrections/failures'
import type { CorrectionFailure } from '@/lib/corrections/types'

export function correctionFailureResponse(failure: CorrectionFailure): NextResponse {
  const body: Record<string, unknown> = { error: correctionMessage(failure) }
  if (failure.error === 'conflict') {
    body.current = failure.current
    body.yours = failure.yours
  }
  return NextResponse.json(body, { status: correctionStatus(failure) })
}
