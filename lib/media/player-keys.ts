// The player's keyboard shortcuts, as a pure mapping from a keydown to a command, so the rules
// are tested without a browser. Shortcuts never fire while someone types: in an input, a
// textarea, a select, anything contenteditable, a host's sentence editor (its Ctrl+Enter saves)
// or anything marked data-player-keys="off"; nor with Ctrl, Meta or Alt held, nor when a control
// already handled the key (a sentence's Space opens its comments).

export type PlayerCommand =
  { kind: 'toggle' } | { kind: 'seek-by'; seconds: number } | { kind: 'rate-step'; direction: 1 | -1 }

/** The parts of a DOM element the rules look at. */
export interface KeyTarget {
  tagName: string
  isContentEditable?: boolean
  closest(selector: string): unknown
}

export interface PlayerKeyEvent {
  key: string
  ctrlKey: boolean
  metaKey: boolean
  altKey: boolean
  defaultPrevented: boolean
  target: KeyTarget | null
}

export const SEEK_STEP_SECONDS = 10

const TYPING_TAGS = new Set(['INPUT', 'TEXTAREA', 'SELECT'])
const TYPING_AREAS =
  '[contenteditable]:not([contenteditable="false"]), [role="textbox"], [role="combobox"], .sentence-editor, [data-player-keys="off"]'
/** Where Space and the arrows already mean something: press a button, follow a link, move a slider. */
const KEY_OWNERS =
  'button, a[href], summary, [role="button"], [role="slider"], [role="menuitem"], [role="tab"]'

function isTyping(target: KeyTarget | null): boolean {
  if (!target) return false
  return (
    TYPING_TAGS.has(target.tagName.toUpperCase()) ||
    Boolean(target.isContentEditable) ||
    Boolean(target.closest(TYPING_AREAS))
  )
}

/** Arrows seek only from the page itself or the player, so a list's own arrow keys stay its own. */
function arrowsAllowed(target: KeyTarget | null): boolean {
  if (!target) return true
  const tag = target.tagName.toUpperCase()
  return tag === 'BODY' || tag === 'HTML' || Boolean(target.closest('[data-player]'))
}

export function playerCommandFor(event: PlayerKeyEvent): PlayerCommand | null {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return null
  if (isTyping(event.target)) return null
  switch (event.key) {
    case ' ':
      return event.target?.closest(KEY_OWNERS) ? null : { kind: 'toggle' }
    case 'k':
    case 'K':
      return { kind: 'toggle' }
    case 'j':
    case 'J':
      return { kind: 'seek-by', seconds: -SEEK_STEP_SECONDS }
    case 'l':
    case 'L':
      return { kind: 'seek-by', seconds: SEEK_STEP_SECONDS }
    case 'ArrowLeft':
      return arrowsAllowed(event.target) ? { kind: 'seek-by', seconds: -SEEK_STEP_SECONDS } : null
    case 'ArrowRight':
      return arrowsAllowed(event.target) ? { kind: 'seek-by', seconds: SEEK_STEP_SECONDS } : null
    case '<':
      return { kind: 'rate-step', direction: -1 }
    case '>':
      return { kind: 'rate-step', direction: 1 }
    default:
      return null
  }
}

/** Playback rates the player offers, slowest first. */
export const PLAYBACK_RATES = [0.75, 1, 1.25, 1.5, 1.75, 2] as const

export function steppedRate(current: number, direction: 1 | -1): number {
  const index = PLAYBACK_RATES.findIndex((rate) => rate >= current - 0.001)
  const from = index === -1 ? PLAYBACK_RATES.length - 1 : index
  const next = Math.min(PLAYBACK_RATES.length - 1, Math.max(0, from + direction))
  return PLAYBACK_RATES[next]!
}
