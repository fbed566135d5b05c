// GET /episodes/:slug/moments/:sentenceId/card.png — the moment's quote card (docs/api.md).
import { serverDeps } from '@/lib/api/deps'
import { quoteCardHandler } from '@/lib/api/quote-card-api'
import { publicPreflightResponse } from '@/lib/http/conditional-get'

export const dynamic = 'force-dynamic'

type Context = { params: Promise<{ slug: string; sentenceId: string }> }

export async function GET(request: Request, context: Context) {
  const { slug, sentenceId } = await context.params
  return quoteCardHandler(serverDeps(), slug, sentenceId, request)
}

export function OPTIONS() {
  return publicPreflightResponse()
}
