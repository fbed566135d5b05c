// A one-line progress bar on a terminal; on a pipe or in CI it stays silent and only the
// per-file lines are printed, so logs hold no carriage-return noise.
import type { WriteStream } from 'node:tty'

const BAR_WIDTH = 24

export class ProgressBar {
  private doneCount = 0
  private current = ''
  private readonly interactive: boolean

  constructor(
    private readonly total: number,
    private readonly stream: NodeJS.WriteStream | WriteStream,
  ) {
    this.interactive = Boolean(stream.isTTY) && !process.env.CI
  }

  update(label: string): void {
    this.current = label
    this.draw()
  }

  advance(): void {
    this.doneCount++
    this.draw()
  }

  /** Prints a line above the bar. */
  log(line: string): void {
    if (this.interactive) this.stream.write('\r\x1b[2K')
    console.log(line)
    this.draw()
  }

  done(): void {
    if (this.interactive) this.stream.write('\r\x1b[2K')
  }

  private draw(): void {
    if (!this.interactive || this.total === 0) return
    const filled = Math.round((this.doneCount / this.total) * BAR_WIDTH)
    const bar = '█'.repeat(filled) + '░'.repeat(BAR_WIDTH - filled)
    const columns = 'columns' in this.stream && this.stream.columns ? this.stream.columns : 80
    const text = `${bar} ${this.doneCount}/${this.total} ${this.current}`
    this.stream.write(`\r\x1b[2K${text.slice(0, columns - 1)}`)
  }
}
