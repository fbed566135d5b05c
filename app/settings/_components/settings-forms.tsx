'use client'
// The settings page's two forms: the display name, and a new API token, whose clear text is
// shown once here (with a copy button) and never again: only its hash is stored.
import { useActionState } from 'react'
import { CopyButton } from '@/app/_components/copy-button'
import { createTokenAction, setDisplayNameAction, type CreatedToken } from '@/app/settings/actions'
import { Field, FormStatus } from '@/app/studio/_components/field'
import type { FormStateWithValues } from '@/lib/forms/form-values'
import styles from './settings.module.css'

export function DisplayNameForm(props: { name: string; maxLength: number; disabledReason: string | null }) {
  const [state, action, pending] = useActionState<FormStateWithValues<{ name: string }>, FormData>(
    setDisplayNameAction,
    { status: 'idle' },
  )
  return (
    <form action={action} noValidate aria-labelledby="name-heading" className={styles.form}>
      <h2 id="name-heading">Display name</h2>
      <p className="muted">Shown on your comments and suggestions.</p>
      <Field
        form="profile"
        name="name"
        label="Display name"
        state={state}
        stored={props.name}
        required
        maxLength={props.maxLength}
      />
      {props.disabledReason ? <p className="muted">{props.disabledReason}</p> : null}
      <FormStatus
        state={state}
        fields={['name']}
        saved={state.status === 'saved' ? `Saved: you appear as ${state.value.name}.` : ''}
      />
      <button type="submit" disabled={pending || props.disabledReason !== null}>
        {pending ? 'Saving…' : 'Save name'}
      </button>
    </form>
  )
}

export function CreateTokenForm(props: { nameMaxLength: number; disabledReason: string | null }) {
  const [state, action, pending] = useActionState<FormStateWithValues<CreatedToken>, FormData>(
    createTokenAction,
    { status: 'idle' },
  )
  return (
    <form action={action} noValidate aria-labelledby="new-token-heading" className={styles.form}>
      <h3 id="new-token-heading">New token</h3>
      <Field
        form="new-token"
        name="name"
        label="Name"
        state={state}
        required
        maxLength={props.nameMaxLength}
        hint="What it is for, e.g. “import script”, so you can tell your tokens apart."
      />
      <Field
        form="new-token"
        name="expiresInDays"
        label="Expires after (days, optional)"
        type="number"
        state={state}
        hint="Leave blank for a token that works until you revoke it."
      />
      {props.disabledReason ? <p className="muted">{props.disabledReason}</p> : null}
      <FormStatus state={state} fields={['name', 'expiresInDays']} />
      <button type="submit" disabled={pending || props.disabledReason !== null}>
        {pending ? 'Creating…' : 'Create token'}
      </button>
      {state.status === 'saved' ? <NewToken created={state.value} /> : null}
    </form>
  )
}

function NewToken(props: { created: CreatedToken }) {
  const { created } = props
  return (
    <div className={styles.newToken} role="region" aria-labelledby="created-token-heading">
      <p id="created-token-heading">
        <strong>Your new token “{created.name}”</strong>
        {created.expiresAt ? ` (expires ${created.expiresAt.slice(0, 10)})` : ''}. Copy it now: it is not
        shown again.
      </p>
      <label htmlFor="created-token">Token</label>
      <input id="created-token" className={styles.tokenText} readOnly value={created.token} />
      <CopyButton text={created.token} label="Copy token" />
      <p className="muted">
        Send it as <code>Authorization: Bearer &lt;token&gt;</code>.
      </p>
    </div>
  )
}
