// A WAV file made by the test itself (16-bit mono PCM, a quiet tone), so audio tests need no
// fixture binaries and CI needs no encoder. 8 kHz keeps a second at 16 kB.

export function testWav(seconds: number, sampleRate = 8_000): Uint8Array<ArrayBuffer> {
  const samples = Math.round(seconds * sampleRate)
  const dataBytes = samples * 2
  const wav = Buffer.alloc(44 + dataBytes)
  wav.write('RIFF', 0, 'ascii')
  wav.writeUInt32LE(36 + dataBytes, 4)
  wav.write('WAVE', 8, 'ascii')
  wav.write('fmt ', 12, 'ascii')
  wav.writeUInt32LE(16, 16) // fmt chunk size
  wav.writeUInt16LE(1, 20) // PCM
  wav.writeUInt16LE(1, 22) // mono
  wav.writeUInt32LE(sampleRate, 24)
  wav.writeUInt32LE(sampleRate * 2, 28) // byte rate
  wav.writeUInt16LE(2, 32) // block align
  wav.writeUInt16LE(16, 34) // bits per sample
  wav.write('data', 36, 'ascii')
  wav.writeUInt32LE(dataBytes, 40)
  for (let index = 0; index < samples; index++) {
    const value = Math.round(Math.sin((2 * Math.PI * 440 * index) / sampleRate) * 3000)
    wav.writeInt16LE(value, 44 + index * 2)
  }
  return new Uint8Array(wav)
}
