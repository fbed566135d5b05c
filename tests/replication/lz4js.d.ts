// lz4js 0.2.0 ships no types; the tests use it as an independent LZ4 frame codec to check ours.
declare module 'lz4js' {
  export function compress(data: Uint8Array, maxSize?: number): Uint8Array | number[]
  export function decompress(data: Uint8Array, maxSize?: number): Uint8Array | number[]
  const lz4js: { compress: typeof compress; decompress: typeof decompress }
  export default lz4js
}
