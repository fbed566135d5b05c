// The episode player's logic, outside React: the <audio> element, the playback state the
// player bar shows (a tiny store React subscribes to), following along in the transcript and
// the keyboard shortcuts. Kept out of components so a timeupdate re-renders only the bar (at
// most once a second) and never the transcript: the sentence being spoken is marked directly
// in the DOM (aria-current on its .sentence element), and the sentence list is read from the
// DOM (each .sentence carries data-start-ms), so the page ships no second copy of the timings.
import { formatTimestamp } from '@/lib/format'
import { playerCommandFor, SEEK_STEP_SECONDS, steppedRate, type PlayerCommand } from '@/lib/media/player-keys'

export interface PlayerAudio {
  src: string
  type: string | null
  slug: string
  title: string
  show: string
  artwork: string | null
  /** From the transcript, shown until the audio's own duration is known. */
  durationMs: number | null
}

export interface PlaybackState {
  paused: boolean
  /** Whole seconds, so subscribers re-render once a second at most. */
  second: number
  duration: number | null
  rate: number
  /** Whether the transcript keeps the spoken sentence in view. */
  following: boolean
  currentSentenceId: number | null
  /** A start was asked for (a ?t= link, a permalink) but the browser would not start by itself. */
  cuedAt: number | null
  /** The latest message for screen readers (actions only, never the passing time). */
  announcement: string
  error: string | null
}

interface TimedSentence {
  id: number
  startMs: number
  element: HTMLElement
}

const SENTENCE_SELECTOR = '.transcript .sentence[data-start-ms]'
/** How long scroll events after our own scrollIntoView are ours, not the listener's. */
const PROGRAMMATIC_SCROLL_MS = 1_200

export function describeRate(rate: number): string {
  return `${rate}×`
}

export class PlayerController {
  readonly audio: PlayerAudio
  private media: HTMLAudioElement | null = null
  private state: PlaybackState
  private listeners = new Set<() => void>()
  private sentences: TimedSentence[] | null = null
  private current: TimedSentence | null = null
  private pendingSeek: number | null = null
  private stopAtMs: number | null = null
  private stopFrame = 0
  private programmaticScrollUntil = 0

  constructor(audio: PlayerAudio) {
    this.audio = audio
    this.state = {
      paused: true,
      second: 0,
      duration: audio.durationMs !== null ? audio.durationMs / 1000 : null,
      rate: 1,
      following: true,
      currentSentenceId: null,
      cuedAt: null,
      announcement: '',
      error: null,
    }
  }

  // --- the store -------------------------------------------------------------------------

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  readonly getState = (): PlaybackState => this.state

  private set(change: Partial<PlaybackState>): void {
    const next = { ...this.state, ...change }
    const keys = Object.keys(change) as (keyof PlaybackState)[]
    if (keys.every((key) => Object.is(next[key], this.state[key]))) return
    this.state = next
    for (const listener of this.listeners) listener()
  }

  announce(message: string): void {
    // The same words twice in a row would not be read again; a trailing space makes them new.
    this.set({ announcement: message === this.state.announcement ? `${message} ` : message })
  }

  // --- the <audio> element -----------------------------------------------------------------

  /** A callback ref for the <audio> element; returns its cleanup (React 19). */
  readonly attach = (media: HTMLAudioElement | null): (() => void) | void => {
    if (!media) return
    this.media = media
    const events: [string, () => void][] = [
      ['play', () => this.set({ paused: false, cuedAt: null })],
      ['pause', () => this.set({ paused: true })],
      ['timeupdate', () => this.onTime()],
      [
        'seeked',
        () => {
          this.onTime()
          this.updatePositionState()
        },
      ],
      ['ratechange', () => this.onRate()],
      ['durationchange', () => this.onDuration()],
      ['loadedmetadata', () => this.onMetadata()],
      ['error', () => this.set({ error: 'The audio could not be loaded.' })],
    ]
    for (const [name, handler] of events) media.addEventListener(name, handler)
    if (media.readyState >= 1) this.onMetadata()
    const stopMediaSession = this.setUpMediaSession()
    return () => {
      for (const [name, handler] of events) media.removeEventListener(name, handler)
      stopMediaSession()
      cancelAnimationFrame(this.stopFrame)
      this.media = null
    }
  }

  private onMetadata(): void {
    this.onDuration()
    if (this.pendingSeek !== null && this.media) {
      this.media.currentTime = this.pendingSeek
      this.pendingSeek = null
    }
  }

  private onDuration(): void {
    const duration = this.media?.duration
    if (duration !== undefined && Number.isFinite(duration) && duration > 0) this.set({ duration })
    this.updatePositionState()
  }

  private onRate(): void {
    if (!this.media) return
    this.set({ rate: this.media.playbackRate })
    this.updatePositionState()
  }

  private onTime(): void {
    if (!this.media) return
    const time = this.media.currentTime
    this.set({ second: Math.floor(time) })
    this.markSentence(time * 1000)
  }

  private time(): number {
    return this.pendingSeek ?? this.media?.currentTime ?? 0
  }

  // --- actions -----------------------------------------------------------------------------

  /** Seeks; before the audio's metadata has loaded, the seek waits for it. */
  seekTo(seconds: number): void {
    const duration = this.state.duration ?? Number.POSITIVE_INFINITY
    const target = Math.min(Math.max(0, seconds), duration)
    const media = this.media
    if (!media || media.readyState < 1) {
      this.pendingSeek = target
      if (media && media.preload === 'none') media.load()
    } else {
      media.currentTime = target
    }
    this.set({ second: Math.floor(target) })
    this.markSentence(target * 1000)
  }

  seekBy(seconds: number): void {
    this.seekTo(this.time() + seconds)
    this.announce(
      `${seconds < 0 ? 'Back' : 'Forward'} ${Math.abs(seconds)} seconds, ${formatTimestamp(this.time() * 1000)}`,
    )
  }

  async play(): Promise<boolean> {
    const media = this.media
    if (!media) return false
    try {
      await media.play()
      return true
    } catch (error) {
      // Autoplay refused (NotAllowedError): stay at the asked-for time and offer a clear play button.
      if ((error as DOMException)?.name === 'NotAllowedError') {
        this.set({ cuedAt: this.time() })
        this.announce(`Press play to listen from ${formatTimestamp(this.time() * 1000)}.`)
        return false
      }
      if ((error as DOMException)?.name !== 'AbortError')
        this.set({ error: 'The audio could not be played.' })
      return false
    }
  }

  pause(): void {
    this.media?.pause()
  }

  toggle(): void {
    if (!this.media) return
    this.stopAtMs = null
    if (this.media.paused) {
      void this.play()
      this.announce('Playing')
    } else {
      this.pause()
      this.announce(`Paused at ${formatTimestamp(this.time() * 1000)}`)
    }
  }

  /** Plays from `ms`; with `untilMs`, pauses there (a host's "Play this sentence"). */
  playFrom(ms: number, untilMs: number | null = null): void {
    this.stopAtMs = untilMs
    this.seekTo(ms / 1000)
    this.follow()
    void this.play().then((started) => {
      if (started && untilMs !== null) this.watchStop()
    })
  }

  /** Plays one sentence: from `fromMs` (its start, or a host's draft start) to the next sentence's start. */
  playSentence(sentenceId: number, fromMs?: number): void {
    const sentences = this.timedSentences()
    const index = sentences.findIndex((candidate) => candidate.id === sentenceId)
    const sentence = sentences[index]
    if (!sentence) return
    const start = fromMs ?? sentence.startMs
    const next = sentences.slice(index + 1).find((candidate) => candidate.startMs > start)
    this.playFrom(start, next ? next.startMs : null)
  }

  /** Cues a time without playing (a sentence permalink): the play button then starts there. */
  cue(seconds: number): void {
    this.seekTo(seconds)
    this.set({ cuedAt: this.time() })
  }

  /** Cues or plays where a link asked: `?t=` tries to play (autoplay may be refused). */
  startFromLink(seconds: number, autoplay: boolean): void {
    this.seekTo(seconds)
    this.follow()
    if (autoplay) void this.play()
    else this.set({ cuedAt: this.time() })
  }

  setRate(rate: number): void {
    if (!this.media) return
    this.media.playbackRate = rate
    this.media.defaultPlaybackRate = rate
    this.set({ rate })
    this.announce(`Speed ${describeRate(rate)}`)
  }

  stepRate(direction: 1 | -1): void {
    this.setRate(steppedRate(this.state.rate, direction))
  }

  currentMomentSeconds(): number {
    return this.time()
  }

  private watchStop(): void {
    cancelAnimationFrame(this.stopFrame)
    const check = () => {
      const media = this.media
      if (!media || this.stopAtMs === null || media.paused) return
      if (media.currentTime * 1000 >= this.stopAtMs - 30) {
        this.stopAtMs = null
        media.pause()
        return
      }
      this.stopFrame = requestAnimationFrame(check)
    }
    this.stopFrame = requestAnimationFrame(check)
  }

  // --- following along ---------------------------------------------------------------------

  /** Forgets the sentence list (the transcript changed: an edit, a split, a merge). */
  invalidateSentences(): void {
    this.sentences = null
  }

  private timedSentences(): TimedSentence[] {
    if (!this.sentences) {
      this.sentences = Array.from(document.querySelectorAll<HTMLElement>(SENTENCE_SELECTOR))
        .map((element) => ({
          id: Number(element.id.slice(2)),
          startMs: Number(element.dataset.startMs),
          element,
        }))
        .filter((sentence) => Number.isFinite(sentence.startMs))
        .sort((a, b) => a.startMs - b.startMs)
    }
    return this.sentences
  }

  /** The sentence spoken at `ms`: the last one that started at or before it. */
  private sentenceAt(ms: number): TimedSentence | null {
    const sentences = this.timedSentences()
    let low = 0
    let high = sentences.length - 1
    let found = -1
    while (low <= high) {
      const middle = (low + high) >> 1
      if (sentences[middle]!.startMs <= ms + 1) {
        found = middle
        low = middle + 1
      } else high = middle - 1
    }
    return found === -1 ? null : sentences[found]!
  }

  /** The start of a sentence by id (permalinks), or null. */
  sentenceStartMs(sentenceId: number): number | null {
    return this.timedSentences().find((sentence) => sentence.id === sentenceId)?.startMs ?? null
  }

  private markSentence(ms: number): void {
    let sentence = this.sentenceAt(ms)
    if (sentence && !sentence.element.isConnected) {
      this.invalidateSentences()
      sentence = this.sentenceAt(ms)
    }
    if (sentence?.element === this.current?.element) return
    this.current?.element.removeAttribute('aria-current')
    this.current = sentence
    if (!sentence) {
      this.set({ currentSentenceId: null })
      return
    }
    sentence.element.setAttribute('aria-current', 'true')
    this.set({ currentSentenceId: sentence.id })
    if (this.state.following && this.media && !this.media.paused) this.keepInView(sentence.element)
  }

  /** Back to playback: follow again and bring the spoken sentence into view now. */
  follow(): void {
    this.set({ following: true })
    if (this.current) this.keepInView(this.current.element, true)
  }

  private keepInView(element: HTMLElement, always = false): void {
    if (!always && this.isComfortablyVisible(element)) return
    this.programmaticScrollUntil = Date.now() + PROGRAMMATIC_SCROLL_MS
    const reduce = window.matchMedia('(prefers-reduced-motion: reduce)').matches
    element.scrollIntoView({ block: 'center', behavior: reduce ? 'auto' : 'smooth' })
  }

  /** Inside the part of the window the site header and the player bar do not cover. */
  private visibleBand(): { top: number; bottom: number } {
    const header = document.querySelector('.site-header')?.getBoundingClientRect().bottom ?? 0
    const bar = document.querySelector('[data-player]')?.getBoundingClientRect().top ?? window.innerHeight
    return { top: Math.max(0, header), bottom: Math.min(window.innerHeight, bar) }
  }

  private isComfortablyVisible(element: HTMLElement): boolean {
    const rect = element.getBoundingClientRect()
    const band = this.visibleBand()
    const margin = Math.min(80, (band.bottom - band.top) / 6)
    return rect.top >= band.top + margin && rect.bottom <= band.bottom - margin
  }

  private isVisible(element: HTMLElement): boolean {
    const rect = element.getBoundingClientRect()
    const band = this.visibleBand()
    return rect.bottom > band.top && rect.top < band.bottom
  }

  /** The window's scroll, wheel and touch: the listener scrolling away pauses following. */
  readonly onScroll = (): void => {
    if (Date.now() < this.programmaticScrollUntil || !this.current) return
    const visible = this.isVisible(this.current.element)
    if (visible !== this.state.following) this.set({ following: visible })
  }

  /** Our smooth scroll has ended: from now on a scroll is the listener's. */
  readonly onScrollEnd = (): void => {
    if (this.programmaticScrollUntil > Date.now()) this.programmaticScrollUntil = Date.now() + 50
  }

  /** A wheel or touch means the listener is scrolling, even during our own smooth scroll. */
  readonly onUserScrollIntent = (): void => {
    this.programmaticScrollUntil = 0
  }

  // --- keyboard ----------------------------------------------------------------------------

  readonly onKeyDown = (event: KeyboardEvent): void => {
    if (!this.media) return
    const command = playerCommandFor({
      key: event.key,
      ctrlKey: event.ctrlKey,
      metaKey: event.metaKey,
      altKey: event.altKey,
      defaultPrevented: event.defaultPrevented,
      target: event.target instanceof Element ? (event.target as HTMLElement) : null,
    })
    if (!command) return
    event.preventDefault()
    this.run(command)
  }

  run(command: PlayerCommand): void {
    if (command.kind === 'toggle') this.toggle()
    else if (command.kind === 'seek-by') this.seekBy(command.seconds)
    else this.stepRate(command.direction)
  }

  // --- Media Session (lock screen, headset buttons, notification) ---------------------------

  private setUpMediaSession(): () => void {
    if (typeof navigator === 'undefined' || !('mediaSession' in navigator)) return () => {}
    const session = navigator.mediaSession
    const { title, show, artwork } = this.audio
    try {
      session.metadata = new MediaMetadata({
        title,
        artist: show,
        album: show,
        artwork: artwork ? [{ src: artwork }] : [],
      })
    } catch {
      // MediaMetadata may be missing (old browsers); controls still work.
    }
    const handlers: [MediaSessionAction, MediaSessionActionHandler][] = [
      ['play', () => void this.play()],
      ['pause', () => this.pause()],
      ['seekbackward', (details) => this.seekTo(this.time() - (details.seekOffset ?? SEEK_STEP_SECONDS))],
      ['seekforward', (details) => this.seekTo(this.time() + (details.seekOffset ?? SEEK_STEP_SECONDS))],
      ['seekto', (details) => (details.seekTime != null ? this.seekTo(details.seekTime) : undefined)],
      ['stop', () => this.pause()],
    ]
    for (const [action, handler] of handlers) {
      try {
        session.setActionHandler(action, handler)
      } catch {
        // An action this browser does not know.
      }
    }
    return () => {
      for (const [action] of handlers) {
        try {
          session.setActionHandler(action, null)
        } catch {
          // as above
        }
      }
      session.metadata = null
    }
  }

  private updatePositionState(): void {
    const media = this.media
    if (!media || typeof navigator === 'undefined' || !('mediaSession' in navigator)) return
    if (!Number.isFinite(media.duration) || media.duration <= 0) return
    try {
      navigator.mediaSession.setPositionState({
        duration: media.duration,
        playbackRate: media.playbackRate,
        position: Math.min(media.currentTime, media.duration),
      })
    } catch {
      // Older browsers have no setPositionState.
    }
  }
}
