// One polite live region per page for what a screen reader should hear after an action whose
// own message goes away with it (a reply form closes, a panel re-renders): "Reply posted.",
// "Sentence saved.". It lives in <main>, so its text is inside a landmark, and it is created
// before its first text so screen readers notice the change.
const REGION_ID = 'live-announcer'

function liveRegion(): HTMLElement {
  const existing = document.getElementById(REGION_ID)
  if (existing) return existing
  const region = document.createElement('div')
  region.id = REGION_ID
  region.className = 'visually-hidden'
  region.setAttribute('role', 'status')
  region.setAttribute('aria-live', 'polite')
  ;(document.querySelector('main') ?? document.body).append(region)
  return region
}

/** Says `message` once, even when it is the same words as last time. */
export function announce(message: string): void {
  const region = liveRegion()
  region.textContent = ''
  // A change a frame later: an emptied-then-filled region is read again; a new region is read at all.
  window.requestAnimationFrame(() => {
    region.textContent = message
  })
}
