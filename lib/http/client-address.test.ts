import { describe, expect, it } from 'vitest'
import { addressLimitKey, normalizeAddress, resolveClientAddress, UNKNOWN_ADDRESS } from './client-address'

describe('resolveClientAddress', () => {
  it('uses the socket and ignores forwarding headers when no proxy is trusted (hops 0)', () => {
    const sources = { socketAddress: '192.0.2.10', forwardedFor: '198.51.100.1', realIp: '198.51.100.2' }
    expect(resolveClientAddress(sources, 0)).toBe('192.0.2.10')
    expect(resolveClientAddress({ socketAddress: '::ffff:192.0.2.11' }, 0)).toBe('192.0.2.11')
    expect(resolveClientAddress({ socketAddress: undefined, forwardedFor: '198.51.100.1' }, 0)).toBe(
      UNKNOWN_ADDRESS,
    )
  })

  it('takes the address that many hops left of the socket, never the client’s own claims', () => {
    // Client 203.0.113.5 claims 10.0.0.1; proxy A (198.51.100.7) appends what it saw.
    const oneProxy = { socketAddress: '198.51.100.7', forwardedFor: '10.0.0.1, 203.0.113.5' }
    expect(resolveClientAddress(oneProxy, 1)).toBe('203.0.113.5')
    // Two proxies: the outer one appended the client, the inner one appended the outer one.
    const twoProxies = { socketAddress: '10.1.1.1', forwardedFor: '10.0.0.1, 203.0.113.5, 198.51.100.7' }
    expect(resolveClientAddress(twoProxies, 2)).toBe('203.0.113.5')
    // Repeated headers as Node passes them; a chain shorter than the hops gives its leftmost entry.
    expect(resolveClientAddress({ socketAddress: '10.1.1.1', forwardedFor: ['203.0.113.6'] }, 3)).toBe(
      '203.0.113.6',
    )
    expect(resolveClientAddress({ socketAddress: '10.1.1.1', realIp: '203.0.113.8' }, 1)).toBe('203.0.113.8')
    expect(resolveClientAddress({ socketAddress: '10.1.1.1' }, 1)).toBe('10.1.1.1')
    expect(resolveClientAddress({ socketAddress: '10.1.1.1', forwardedFor: 'not-an-ip' }, 1)).toBe(
      UNKNOWN_ADDRESS,
    )
  })
})

describe('normalizeAddress and addressLimitKey', () => {
  it('accepts only IP addresses, in one spelling', () => {
    expect(normalizeAddress(' 2001:DB8::1 ')).toBe('2001:db8::1')
    expect(normalizeAddress('evil; drop table')).toBeUndefined()
    expect(normalizeAddress('')).toBeUndefined()
  })

  it('counts an IPv6 client by its /64 and IPv4 clients one by one', () => {
    expect(addressLimitKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64')
    expect(addressLimitKey('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64')
    expect(addressLimitKey('2001:db8::1')).toBe('2001:db8:0:0::/64')
    expect(addressLimitKey('::1')).toBe('0:0:0:0::/64')
    expect(addressLimitKey('192.0.2.1')).toBe('192.0.2.1')
    expect(addressLimitKey(UNKNOWN_ADDRESS)).toBe(UNKNOWN_ADDRESS)
  })
})
