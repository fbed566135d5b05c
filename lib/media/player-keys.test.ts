import { describe, expect, it } from 'vitest'
import { playerCommandFor, steppedRate, type KeyTarget, type PlayerKeyEvent } from './player-keys'

/** A stand-in element: its tag and the selectors its ancestors (itself included) match. */
function element(tagName: string, matches: string[] = [], isContentEditable = false): KeyTarget {
  return {
    tagName,
    isContentEditable,
    closest: (selector: string) =>
      selector
        .split(',')
        .map((part) => part.trim())
        .some((part) => matches.includes(part))
        ? {}
        : null,
  }
}

function press(key: string, target: KeyTarget | null = element('BODY'), extra: Partial<PlayerKeyEvent> = {}) {
  return playerCommandFor({
    key,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    defaultPrevented: false,
    target,
    ...extra,
  })
}

describe('player shortcuts', () => {
  it('maps space/k, j/l, the arrows and < > on the page', () => {
    expect(press(' ')).toEqual({ kind: 'toggle' })
    expect(press('k')).toEqual({ kind: 'toggle' })
    expect(press('j')).toEqual({ kind: 'seek-by', seconds: -10 })
    expect(press('l')).toEqual({ kind: 'seek-by', seconds: 10 })
    expect(press('ArrowLeft')).toEqual({ kind: 'seek-by', seconds: -10 })
    expect(press('ArrowRight')).toEqual({ kind: 'seek-by', seconds: 10 })
    expect(press('<')).toEqual({ kind: 'rate-step', direction: -1 })
    expect(press('>')).toEqual({ kind: 'rate-step', direction: 1 })
    expect(press('x')).toBeNull()
  })

  it('never fires while typing: inputs, textareas, selects, contenteditable, the sentence editor', () => {
    for (const target of [
      element('INPUT'),
      element('textarea'),
      element('SELECT'),
      element('DIV', [], true),
      element('SPAN', ['[contenteditable]:not([contenteditable="false"])']),
      element('BUTTON', ['.sentence-editor', 'button']),
      element('DIV', ['[data-player-keys="off"]']),
    ]) {
      for (const key of [' ', 'k', 'j', 'l', '<', '>', 'ArrowLeft']) expect(press(key, target)).toBeNull()
    }
  })

  it('leaves modified keys (Ctrl+Enter, Ctrl+L) and handled keys alone', () => {
    expect(press('l', element('BODY'), { ctrlKey: true })).toBeNull()
    expect(press('k', element('BODY'), { metaKey: true })).toBeNull()
    expect(press('j', element('BODY'), { altKey: true })).toBeNull()
    expect(press(' ', element('SPAN', ['[role="button"]']), { defaultPrevented: true })).toBeNull()
  })

  it('lets Space press a focused button or link, and arrows stay with the transcript', () => {
    expect(press(' ', element('BUTTON', ['button']))).toBeNull()
    expect(press(' ', element('A', ['a[href]']))).toBeNull()
    expect(press('k', element('BUTTON', ['button']))).toEqual({ kind: 'toggle' })
    expect(press('ArrowRight', element('SPAN', ['[role="button"]']))).toBeNull()
    expect(press('ArrowRight', element('BUTTON', ['button', '[data-player]']))).toEqual({
      kind: 'seek-by',
      seconds: 10,
    })
  })
})

describe('steppedRate', () => {
  it('steps through 0.75–2× and stops at the ends', () => {
    expect(steppedRate(1, 1)).toBe(1.25)
    expect(steppedRate(1, -1)).toBe(0.75)
    expect(steppedRate(0.75, -1)).toBe(0.75)
    expect(steppedRate(2, 1)).toBe(2)
    expect(steppedRate(1.1, 1)).toBe(1.5)
  })
})
