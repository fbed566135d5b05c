// Where sign-in sends the browser: a path on this site, or '/'. What a browser makes of a
// Location header is what counts: it drops tabs and newlines and reads "\" as "/".
import { describe, expect, it } from 'vitest'
import { NextPathSchema, safeNextPath } from './schemas'

describe('safeNextPath', () => {
  it('keeps paths on this site, with their query and fragment, percent-encoded', () => {
    expect(safeNextPath('/episodes/x#s-1')).toBe('/episodes/x#s-1')
    expect(safeNextPath('/search?q=a+b&page=2')).toBe('/search?q=a+b&page=2')
    expect(safeNextPath('/épisode')).toBe('/%C3%A9pisode')
    // Percent-encoded tricks stay encoded, so they stay paths here.
    expect(safeNextPath('/%09/evil.example')).toBe('/%09/evil.example')
    expect(safeNextPath('/%2F%2Fevil.example')).toBe('/%2F%2Fevil.example')
  })

  it('sends everything that could leave the site, or break the Location header, to /', () => {
    for (const evil of [
      '/\t/evil.example', // ?next=/%09/evil.example, as the page receives it decoded
      '//evil.example',
      '/\\evil.example',
      '\\\\evil.example',
      '/\n/evil.example',
      '/x\r\nSet-Cookie: a=b',
      '/x\u0000',
      'javascript:alert(1)',
      'https://evil.example',
      'evil.example',
      '/.//evil.example',
      '',
      undefined,
      ['/a'],
      42,
    ]) {
      expect({ evil, next: safeNextPath(evil) }).toEqual({ evil, next: '/' })
    }
  })

  it('is what the sign-in and sign-up schemas use', () => {
    expect(NextPathSchema.parse(undefined)).toBe('/')
    expect(NextPathSchema.parse('/\t/evil.example')).toBe('/')
    expect(NextPathSchema.parse('/episodes/x')).toBe('/episodes/x')
  })
})
