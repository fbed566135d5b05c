'use client'
// Uploading an episode's transcript (a server action through the importer, with its report)
// and its audio file (streamed with fetch to PUT /api/episodes/:slug/audio, which writes it to
// disk as it arrives: a server action would hold the whole file in memory). Sizes are checked
// here first so a too-large file is refused before it is sent; the server checks again.
import { useRouter } from 'next/navigation'
import { useActionState, useState, type FormEvent } from 'react'
import { uploadTranscriptAction } from '@/app/studio/actions'
import { fieldErrors, FormStatus } from '@/app/studio/_components/field'
import { ConflictList } from '@/app/studio/_components/feed-report'
import type { TranscriptReport } from '@/lib/episodes/transcript-upload'
import { episodeAudioPath } from '@/lib/media/audio-source'
import type { FormStateWithValues } from '@/lib/forms/form-values'

const IDLE: FormStateWithValues<TranscriptReport> = { status: 'idle' }

function megabytes(bytes: number): string {
  return `${Math.round(bytes / 100_000) / 10} MB`
}

function chosenFile(form: HTMLFormElement, name: string): File | null {
  const input = form.elements.namedItem(name)
  return input instanceof HTMLInputElement ? (input.files?.[0] ?? null) : null
}

export function TranscriptUploadForm(props: { slug: string; hasTranscript: boolean; maxBytes: number }) {
  const [state, action, pending] = useActionState(uploadTranscriptAction, IDLE)
  const [localError, setLocalError] = useState('')
  const errors = localError ? [localError] : fieldErrors(state, 'transcript')
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const file = chosenFile(event.currentTarget, 'transcript')
    const problem = !file
      ? 'Choose a transcript file.'
      : file.size > props.maxBytes
        ? `The transcript file is ${megabytes(file.size)}; the limit is ${megabytes(props.maxBytes)}.`
        : ''
    setLocalError(problem)
    if (problem) event.preventDefault()
  }
  return (
    <div>
      <form action={action} onSubmit={onSubmit} className="studio-form" aria-labelledby="transcript-heading">
        <h2 id="transcript-heading">Transcript</h2>
        <input type="hidden" name="slug" value={props.slug} />
        <div className="field">
          <label htmlFor="transcript-file">
            {props.hasTranscript ? 'Replace the transcript with a file' : 'Transcript file'}
          </label>
          <input
            id="transcript-file"
            name="transcript"
            type="file"
            accept=".vtt,.srt,.json,.html,.htm,.txt,text/vtt,application/x-subrip,application/json,text/html,text/plain"
            aria-invalid={errors.length > 0}
            aria-describedby="transcript-file-hint transcript-file-error"
          />
          <p id="transcript-file-hint" className="field-hint">
            WebVTT, SRT, podcast JSON, HTML or text, up to {megabytes(props.maxBytes)}.
            {props.hasTranscript
              ? ' Sentences keep their comments and links; sentences a host corrected keep the correction.'
              : ''}
          </p>
          <p id="transcript-file-error" className="field-message" aria-live="polite">
            {errors.join(' ')}
          </p>
        </div>
        <FormStatus state={state} fields={['transcript']} saved="Transcript imported." />
        <button type="submit" disabled={pending}>
          {pending ? 'Importing…' : props.hasTranscript ? 'Replace transcript' : 'Import transcript'}
        </button>
      </form>
      {state.status === 'saved' ? <TranscriptReportView report={state.value} slug={props.slug} /> : null}
    </div>
  )
}

export function TranscriptReportView(props: { report: TranscriptReport; slug: string }) {
  const { report } = props
  const speakers = report.speakers.length
  return (
    <section className="import-report" aria-label="Import report">
      <h3>Import report</h3>
      <p>
        {report.fileName} ({report.format}) {report.replaced ? 'replaced the transcript' : 'imported'}:{' '}
        {report.sentences} sentences in {report.segments} segments from {report.cues} cues, {speakers} speaker
        {speakers === 1 ? '' : 's'}.
      </p>
      <p>
        {report.repairs.length === 0
          ? 'No repairs were needed.'
          : `${report.repairs.length} repair${report.repairs.length === 1 ? '' : 's'}:`}
      </p>
      {report.repairs.length > 0 ? (
        <ul className="report-repairs">
          {report.repairs.map((repair, index) => (
            <li key={index}>
              line {repair.line}: {repair.message}
            </li>
          ))}
        </ul>
      ) : null}
      {report.conflicts.length > 0 ? (
        <>
          <p>
            {report.conflicts.length} host correction{report.conflicts.length === 1 ? ' was' : 's were'} kept
            over the new file&apos;s text:
          </p>
          <ConflictList conflicts={report.conflicts} episodeSlug={props.slug} />
        </>
      ) : null}
    </section>
  )
}

type AudioState =
  | { status: 'idle' }
  | { status: 'uploading' }
  | { status: 'failed'; message: string }
  | { status: 'saved'; message: string }

export function AudioUploadForm(props: { slug: string; maxBytes: number }) {
  const router = useRouter()
  const [state, setState] = useState<AudioState>({ status: 'idle' })
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const file = chosenFile(event.currentTarget, 'audio')
    if (!file) return setState({ status: 'failed', message: 'Choose an audio file.' })
    if (file.size > props.maxBytes)
      return setState({
        status: 'failed',
        message: `The audio file is ${megabytes(file.size)}; the limit is ${megabytes(props.maxBytes)}.`,
      })
    setState({ status: 'uploading' })
    try {
      const response = await fetch(episodeAudioPath(props.slug), {
        method: 'PUT',
        headers: { 'Content-Type': file.type || 'application/octet-stream' },
        body: file,
      })
      const body = (await response.json().catch(() => ({}))) as { error?: string; audioBytes?: number }
      if (!response.ok)
        return setState({ status: 'failed', message: body.error ?? `Upload failed (${response.status}).` })
      setState({ status: 'saved', message: `Audio uploaded (${megabytes(body.audioBytes ?? file.size)}).` })
      router.refresh()
    } catch {
      setState({
        status: 'failed',
        message: 'The upload did not reach the server; nothing was changed. Try again.',
      })
    }
  }
  const error = state.status === 'failed' ? state.message : ''
  return (
    <form onSubmit={onSubmit} className="studio-form" aria-label="Audio upload">
      <div className="field">
        <label htmlFor="audio-file">Audio file</label>
        <input
          id="audio-file"
          name="audio"
          type="file"
          accept="audio/*"
          aria-invalid={error !== ''}
          aria-describedby="audio-file-hint audio-file-error"
        />
        <p id="audio-file-hint" className="field-hint">
          MP3, M4A/AAC, Ogg/Opus, WebM, WAV or FLAC, up to {megabytes(props.maxBytes)}. Stored and served by
          this site; replaces an audio address.
        </p>
        <p id="audio-file-error" className="field-message" aria-live="polite">
          {error}
        </p>
      </div>
      <p className="form-status saved" role="status" aria-live="polite">
        {state.status === 'saved' ? state.message : state.status === 'uploading' ? 'Uploading…' : ''}
      </p>
      <button type="submit" disabled={state.status === 'uploading'}>
        {state.status === 'uploading' ? 'Uploading…' : 'Upload audio'}
      </button>
    </form>
  )
}
