'use client'
// The episode player for everything on the page: one PlayerController (player-controller.ts)
// shared through context, so a segment's ▶, a sentence's actions and a host's "Play this
// sentence" all drive the same <audio>. Renders the player bar before the transcript, so it
// comes first in the tab order, though it is shown fixed at the bottom of the window. With no
// audio the context is null and every play control renders nothing.
import { createContext, useContext, useEffect, useState } from 'react'
import { PlayerBar } from '@/app/episodes/[slug]/_components/player-bar'
import { PlayerController, type PlayerAudio } from '@/app/episodes/[slug]/_components/player-controller'
import { parseStartTime } from '@/lib/media/playback-time'
import './player.css'

const PlayerContext = createContext<PlayerController | null>(null)

/** The page's player, or null when the episode has no audio. */
export function usePlayer(): PlayerController | null {
  return useContext(PlayerContext)
}

export function PlayerProvider(props: { audio: PlayerAudio | null; children: React.ReactNode }) {
  if (!props.audio) return props.children
  // Keyed by the audio's address: a new file is a new player.
  return (
    <EpisodePlayer key={props.audio.src} audio={props.audio}>
      {props.children}
    </EpisodePlayer>
  )
}

function EpisodePlayer({ audio, children }: { audio: PlayerAudio; children: React.ReactNode }) {
  const [controller] = useState(() => new PlayerController(audio))

  useEffect(() => {
    document.addEventListener('keydown', controller.onKeyDown)
    window.addEventListener('scroll', controller.onScroll, { passive: true })
    window.addEventListener('scrollend', controller.onScrollEnd)
    window.addEventListener('wheel', controller.onUserScrollIntent, { passive: true })
    window.addEventListener('touchmove', controller.onUserScrollIntent, { passive: true })
    // Edits, splits and merges change the sentences (and their start times) under the player.
    const transcript = document.querySelector('.transcript')
    const observer = new MutationObserver(() => controller.invalidateSentences())
    if (transcript)
      observer.observe(transcript, { childList: true, subtree: true, attributeFilter: ['data-start-ms'] })
    return () => {
      document.removeEventListener('keydown', controller.onKeyDown)
      window.removeEventListener('scroll', controller.onScroll)
      window.removeEventListener('scrollend', controller.onScrollEnd)
      window.removeEventListener('wheel', controller.onUserScrollIntent)
      window.removeEventListener('touchmove', controller.onUserScrollIntent)
      observer.disconnect()
    }
  }, [controller])

  // A link to a moment: ?t=<seconds> starts there (autoplay may be refused: the play button then
  // says where it will start); a sentence permalink (#s-<id>) cues its sentence.
  useEffect(() => {
    const start = parseStartTime(new URLSearchParams(window.location.search).get('t'))
    if (start !== null) {
      controller.startFromLink(start, true)
      return
    }
    const linked = /^#s-(\d+)$/.exec(window.location.hash)
    const startMs = linked ? controller.sentenceStartMs(Number(linked[1])) : null
    if (startMs !== null) controller.cue(startMs / 1000)
  }, [controller])

  return (
    <PlayerContext.Provider value={controller}>
      <PlayerBar controller={controller} />
      {children}
    </PlayerContext.Provider>
  )
}
