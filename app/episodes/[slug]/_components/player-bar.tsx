'use client'
// The player bar: fixed at the bottom of the window on every width, so it stays in reach on a
// long transcript. Play/pause, ∓10 s, a seek slider, the time, the speed, "Back to playback"
// when the listener has scrolled away, "Copy link at this moment", and a polite status line
// that speaks actions (never the passing seconds).
import { useCallback, useState, useSyncExternalStore } from 'react'
import { describeRate, type PlayerController } from '@/app/episodes/[slug]/_components/player-controller'
import { formatTimestamp } from '@/lib/format'
import { momentPath } from '@/lib/media/playback-time'
import { PLAYBACK_RATES, SEEK_STEP_SECONDS } from '@/lib/media/player-keys'

const SHORTCUTS =
  'Keys: Space or K play/pause · J/← and L/→ 10 s back/forward · < > speed · P on a sentence plays from it'

export function PlayerBar({ controller }: { controller: PlayerController }) {
  const state = useSyncExternalStore(controller.subscribe, controller.getState, controller.getState)
  const { audio } = controller
  const attachAudio = useCallback((media: HTMLAudioElement | null) => controller.attach(media), [controller])
  const [copied, setCopied] = useState<{ url: string; done: boolean } | null>(null)
  const duration = state.duration
  const playLabel = !state.paused
    ? 'Pause'
    : state.cuedAt !== null
      ? `Play from ${formatTimestamp(state.cuedAt * 1000)}`
      : 'Play'

  async function copyMoment() {
    const url = new URL(momentPath(audio.slug, controller.currentMomentSeconds()), window.location.origin)
      .href
    try {
      await navigator.clipboard.writeText(url)
      setCopied({ url, done: true })
      controller.announce('Link to this moment copied.')
      window.setTimeout(() => setCopied((shown) => (shown?.url === url ? null : shown)), 3000)
    } catch {
      // No clipboard (an http:// address that is not this machine): show the link to copy by hand.
      setCopied({ url, done: false })
    }
  }

  return (
    <section className="player" data-player aria-label="Player" aria-describedby="player-shortcuts">
      <audio ref={attachAudio} preload="metadata" src={audio.src} />
      <div className="player-row">
        <button
          type="button"
          className="player-skip"
          aria-label={`Back ${SEEK_STEP_SECONDS} seconds`}
          onClick={() => controller.seekBy(-SEEK_STEP_SECONDS)}
        >
          <span aria-hidden="true">−{SEEK_STEP_SECONDS}</span>
        </button>
        <button
          type="button"
          className={state.cuedAt !== null && state.paused ? 'player-play is-cued' : 'player-play'}
          aria-label={playLabel}
          onClick={() => controller.toggle()}
        >
          <span aria-hidden="true">{state.paused ? '▶' : '❚❚'}</span>
          {state.cuedAt !== null && state.paused ? (
            <span className="player-cue" aria-hidden="true">
              {formatTimestamp(state.cuedAt * 1000)}
            </span>
          ) : null}
        </button>
        <button
          type="button"
          className="player-skip"
          aria-label={`Forward ${SEEK_STEP_SECONDS} seconds`}
          onClick={() => controller.seekBy(SEEK_STEP_SECONDS)}
        >
          <span aria-hidden="true">+{SEEK_STEP_SECONDS}</span>
        </button>
        <span className="player-time">
          <span className="player-current">{formatTimestamp(state.second * 1000)}</span>
          {duration !== null ? <span className="muted"> / {formatTimestamp(duration * 1000)}</span> : null}
        </span>
        <label className="player-rate">
          <span className="visually-hidden">Speed</span>
          <select
            value={String(state.rate)}
            onChange={(event) => controller.setRate(Number(event.target.value))}
          >
            {PLAYBACK_RATES.map((rate) => (
              <option key={rate} value={String(rate)}>
                {describeRate(rate)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <input
        type="range"
        className="player-seek"
        aria-label="Position"
        min={0}
        max={Math.max(1, Math.floor(duration ?? 0))}
        step={1}
        value={state.second}
        aria-valuetext={`${formatTimestamp(state.second * 1000)}${duration !== null ? ` of ${formatTimestamp(duration * 1000)}` : ''}`}
        onChange={(event) => controller.seekTo(Number(event.target.value))}
      />
      <div className="player-extra">
        {!state.following && state.currentSentenceId !== null ? (
          <button type="button" className="player-back" onClick={() => controller.follow()}>
            Back to playback
          </button>
        ) : null}
        <button type="button" className="link-button" onClick={() => void copyMoment()}>
          {copied?.done ? 'Link copied' : 'Copy link at this moment'}
        </button>
        {copied && !copied.done ? (
          <input
            className="player-link"
            readOnly
            aria-label="Link to this moment"
            value={copied.url}
            onFocus={(event) => event.target.select()}
          />
        ) : null}
        <span id="player-shortcuts" className="player-help">
          {SHORTCUTS}
        </span>
        {state.error ? <p className="form-error">{state.error}</p> : null}
        <p className="visually-hidden" role="status">
          {state.announcement}
        </p>
      </div>
    </section>
  )
}
