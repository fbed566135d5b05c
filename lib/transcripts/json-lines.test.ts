import { describe, expect, it } from 'vitest'
import { arrayElementLines, jsonErrorLine } from './json-lines'

describe('arrayElementLines', () => {
  it('finds the line of each object in the named top-level array only', () => {
    const text = [
      '{',
      '  "title": "segments",',
      '  "other": [{"a": 1}],',
      '  "segments": [',
      '    {"body": "a \\" { ["},',
      '',
      '    {"body": "b", "nested": [{"x": 1}]}',
      '  ]',
      '}',
    ].join('\n')
    expect(arrayElementLines(text, 'segments')).toEqual([5, 7])
  })
})

describe('jsonErrorLine', () => {
  it('turns "at position N" into a line, and defaults to the last line', () => {
    expect(jsonErrorLine('{\n\n  x', 'Unexpected token x in JSON at position 5')).toBe(3)
    expect(jsonErrorLine('{\n"a":', 'Unexpected end of JSON input')).toBe(2)
  })
})
