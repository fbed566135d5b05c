// Focus for what an action makes: the new comment after "Comment", the reply after "Post
// reply". It appears when the page's refreshed data renders, which may be in the same commit
// as the action's answer or a little later, so this waits for the element to be in the page,
// then focuses it (elements that are not tab stops get tabIndex -1 from their component).
const GIVE_UP_MS = 10_000

/**
 * Focuses the element with `id` as soon as it is in the page, unless the user has moved on:
 * only while focus is lost (on the body) or still inside `from` (the form that acted). If it
 * never comes, `fallback` runs under the same rule, so focus is not left on the page's body.
 */
export function focusWhenRendered(id: string, from: Element | null, fallback?: () => void): void {
  const userMovedOn = () => {
    const active = document.activeElement
    return active !== null && active !== document.body && !(from?.isConnected && from.contains(active))
  }
  const focusIt = (): boolean => {
    const element = document.getElementById(id)
    if (!element) return false
    if (!userMovedOn()) element.focus()
    return true
  }
  if (focusIt()) return
  const observer = new MutationObserver(() => {
    if (focusIt()) stop()
  })
  const timer = window.setTimeout(() => {
    stop()
    if (!userMovedOn()) fallback?.()
  }, GIVE_UP_MS)
  function stop() {
    observer.disconnect()
    window.clearTimeout(timer)
  }
  observer.observe(document.body, { childList: true, subtree: true })
}
