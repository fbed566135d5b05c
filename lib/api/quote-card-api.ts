// GET /episodes/:slug/moments/:sentenceId/card.png: the quote card chat apps unfurl for a
// moment's share link (1200×630 PNG, lib/quote-card/quote-card.tsx). Public, like the episode.
import 'server-only'
import type { ApiDeps } from '@/lib/api/deps'
import {
  conditionalResponse,
  notModifiedResponse,
  publicResourceHeaders,
  strongEtag,
} from '@/lib/http/conditional-get'
import { failureResponse } from '@/lib/http/json-response'
import { getMoment } from '@/lib/moments/moment'
import { cachedCard } from '@/lib/quote-card/card-cache'
import { QUOTE_CARD_DESIGN, renderQuoteCard, type QuoteCardContent } from '@/lib/quote-card/quote-card'

export async function quoteCardHandler(
  deps: Pick<ApiDeps, 'db'>,
  slug: string,
  sentenceId: string,
  request?: Pick<Request, 'headers'>,
): Promise<Response> {
  const moment = await getMoment(deps, { slug, sentenceId })
  if (!moment.ok) return failureResponse(moment.failure)
  const { text, speaker, startMs, episode, show } = moment.value
  const content: QuoteCardContent = {
    text,
    speaker,
    startMs,
    episodeTitle: episode.title,
    showTitle: show.title,
  }
  // Cached briefly: the moment page's card URL carries the sentence's version (?v=), so a
  // correction gives a new URL; a bare URL shows a correction within minutes.
  const headers = publicResourceHeaders('image/png')
  // The tag is over what the card shows (and the design's version), so a revalidation that
  // finds nothing changed answers 304 without drawing the card again. Drawing is deterministic.
  const etag = strongEtag(JSON.stringify([QUOTE_CARD_DESIGN, content]))
  const unchanged = notModifiedResponse(request, etag, headers)
  if (unchanged) return unchanged
  const png = await cachedCard(etag, () => renderQuoteCard(content))
  return conditionalResponse(null, png, headers, etag)
}
