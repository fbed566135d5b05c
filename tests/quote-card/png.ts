// The few facts of a PNG a test checks: its signature and the IHDR chunk's width and height.
const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

export function pngSize(bytes: Uint8Array): { width: number; height: number } {
  if (!SIGNATURE.every((byte, index) => bytes[index] === byte)) throw new Error('not a PNG: bad signature')
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const chunkType = String.fromCharCode(...bytes.subarray(12, 16))
  if (chunkType !== 'IHDR') throw new Error(`not a PNG: first chunk is ${chunkType}`)
  return { width: view.getUint32(16), height: view.getUint32(20) }
}
