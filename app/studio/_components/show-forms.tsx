'use client'
// "New show": a show without a feed, made by hand; on success the action opens its studio page.
import { useActionState } from 'react'
import { createShowAction } from '@/app/studio/actions'
import { Field, FormStatus } from '@/app/studio/_components/field'
import type { FormStateWithValues } from '@/lib/forms/form-values'

const IDLE: FormStateWithValues = { status: 'idle' }

export function CreateShowForm() {
  const [state, action, pending] = useActionState(createShowAction, IDLE)
  return (
    <form action={action} className="studio-form" noValidate aria-labelledby="new-show-heading">
      <h2 id="new-show-heading">New show</h2>
      <Field form="new-show" name="title" label="Title" state={state} required maxLength={200} />
      <Field
        form="new-show"
        name="slug"
        label="Slug (optional)"
        state={state}
        maxLength={120}
        hint="Its address: /shows/<slug>. Lowercase letters, digits and hyphens; made from the title when left blank."
      />
      <Field
        form="new-show"
        name="description"
        label="Description"
        state={state}
        multiline
        maxLength={5000}
      />
      <FormStatus state={state} fields={['title', 'slug', 'description']} />
      <button type="submit" disabled={pending}>
        {pending ? 'Creating…' : 'Create show'}
      </button>
    </form>
  )
}
