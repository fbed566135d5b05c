import { describe, expect, it } from 'vitest'
import { classifyAddress, describeRefusal } from './address-policy'

describe('classifyAddress', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['10.0.0.1', 'private'],
    ['172.16.5.4', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['100.64.0.1', 'shared (CGNAT)'],
    ['100.127.255.254', 'shared (CGNAT)'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.251', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['240.0.0.1', 'reserved'],
    ['192.0.2.10', 'documentation'],
    ['198.18.0.1', 'benchmarking'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'link-local'],
    ['fc00::1', 'unique-local'],
    ['fd12:3456:789a::1', 'unique-local'],
    ['ff02::1', 'multicast'],
    ['2001:db8::1', 'documentation'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:10.0.0.1', 'private'],
    ['64:ff9b::a9fe:a9fe', 'link-local'],
    // SIIT's IPv4-translated form, ::ffff:0:a.b.c.d.
    ['::ffff:0:127.0.0.1', 'loopback'],
    ['::ffff:0:a00:1', 'private'],
    ['::ffff:0:169.254.169.254', 'link-local'],
    // The local-use NAT64 prefix 64:ff9b:1::/48.
    ['64:ff9b:1::10.0.0.1', 'private'],
    ['64:ff9b:1::7f00:1', 'loopback'],
    ['64:ff9b:1:abcd::a9fe:a9fe', 'link-local'],
    ['2002:c0a8:0101::1', 'private'],
    ['2001:0:4136:e378::1', 'Teredo'],
    ['::127.0.0.1', 'IPv4-compatible'],
  ])('%s is %s', (address, category) => {
    expect(classifyAddress(address).category).toBe(category)
  })

  it.each([
    '93.184.215.14',
    '8.8.8.8',
    '172.32.0.1',
    '100.128.0.1',
    '2606:4700::1111',
    '::ffff:8.8.8.8',
    '64:ff9b::808:808',
    '::ffff:0:8.8.8.8',
    '64:ff9b:1::808:808',
  ])('%s is public', (address) => {
    expect(classifyAddress(address).category).toBeNull()
  })

  it('names the IPv4 address inside an IPv6 one', () => {
    expect(describeRefusal(classifyAddress('::ffff:10.0.0.1'))).toBe(
      '::ffff:10.0.0.1 (10.0.0.1) is a private address',
    )
    expect(describeRefusal(classifyAddress('::ffff:0:10.0.0.1'))).toBe(
      '::ffff:0:10.0.0.1 (10.0.0.1) is a private address',
    )
    expect(describeRefusal(classifyAddress('64:ff9b:1::7f00:1'))).toBe(
      '64:ff9b:1::7f00:1 (127.0.0.1) is a loopback address',
    )
    expect(describeRefusal(classifyAddress('127.0.0.1'))).toBe('127.0.0.1 is a loopback address')
    expect(describeRefusal(classifyAddress('fd00::1'))).toBe('fd00::1 is a unique-local address')
  })

  it('throws for something that is not an IP address', () => {
    expect(() => classifyAddress('example.com')).toThrow('not an IP address: example.com')
  })
})
