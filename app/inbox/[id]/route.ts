// Opening an inbox entry: GET /inbox/<id> marks it read and sends the browser on to the reply or
// the sentence it is about (303). A plain link, so it opens in a new tab like any other; the
// inbox renders it as <a> without prefetching, so only a real click marks an entry read.
import { requestContext, serverDeps } from '@/lib/api/deps'
import { failureMessage } from '@/lib/failures'
import { openInboxEntry } from '@/lib/notifications/operations'

export const dynamic = 'force-dynamic'

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  const opened = await openInboxEntry(await requestContext(serverDeps(), request), { id })
  const target = opened.ok
    ? opened.value.href
    : opened.failure.error === 'unauthenticated'
      ? '/sign-in?next=/inbox'
      : `/inbox?error=${encodeURIComponent(failureMessage(opened.failure))}`
  // A path, not an absolute URL: request.url names the host the server listens on (localhost),
  // not the one the browser used, and a jump to another host would drop the session cookie.
  return new Response(null, { status: 303, headers: { Location: target, 'Cache-Control': 'no-store' } })
}
