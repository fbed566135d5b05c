// The comment layer of an episode page: loads what the viewer may see, says so when there
// is nothing yet, gives hosts the on/off switch, and provides the state the sentences use.
import { CommentsProvider, type PageViewer } from '@/app/episodes/[slug]/_components/comments-context'
import { setCommentsEnabledAction } from '@/app/episodes/[slug]/actions'
import { seesAsModerator } from '@/lib/auth/policy'
import { getCurrentCallerOnShow } from '@/lib/auth/session'
import { episodeComments } from '@/lib/comments/operations'
import { currentContext } from '@/lib/operations/server-context'

export const EMPTY_STATE =
  "There aren't comments yet for this episode. Click on any sentence in the transcript to leave a comment."

export async function EpisodeComments(props: {
  episode: { slug: string; commentsEnabled: boolean; showId: number }
  children: React.ReactNode
}) {
  const { episode } = props
  const ctx = await currentContext()
  // As the caller acts on this show: moderation only for its hosts (and admins).
  const caller = await getCurrentCallerOnShow(episode.showId)
  const loaded = await episodeComments(ctx, { slug: episode.slug })
  const comments = loaded.ok ? loaded.value.comments : []
  const viewer: PageViewer | null = caller
    ? { id: caller.id, name: caller.name, role: caller.role, banned: caller.bannedAt !== null }
    : null
  const hasComments = comments.some((comment) => !comment.deleted)
  return (
    <CommentsProvider
      slug={episode.slug}
      commentsEnabled={episode.commentsEnabled}
      viewer={viewer}
      comments={comments}
    >
      <div className="comments-summary">
        {!episode.commentsEnabled ? (
          <p className="muted">Comments are turned off for this episode.</p>
        ) : !hasComments ? (
          <p className="muted">{EMPTY_STATE}</p>
        ) : null}
        {seesAsModerator(caller) ? (
          <form action={setCommentsEnabledAction}>
            <input type="hidden" name="slug" value={episode.slug} />
            <input type="hidden" name="enabled" value={String(!episode.commentsEnabled)} />
            <button type="submit" className="link-button">
              {episode.commentsEnabled ? 'Turn comments off' : 'Turn comments on'}
            </button>
          </form>
        ) : null}
      </div>
      {props.children}
    </CommentsProvider>
  )
}
