'use server'
// The admin page's forms (app/admin/users/page.tsx): thin adapters of lib/users/. Who may is
// the operations' decision (admins only); each answers a FormState the row shows.
import { revalidatePath } from 'next/cache'
import { toFormState, type FormState } from '@/lib/forms/form-state'
import { currentContext } from '@/lib/operations/server-context'
import { banUser, setUserRole } from '@/lib/users/operations'
import { grantShow, revokeShow } from '@/lib/users/show-host-operations'

const PAGE = '/admin/users'

export async function grantShowAction(_previous: FormState, form: FormData): Promise<FormState> {
  const result = await grantShow(await currentContext(), {
    userId: form.get('userId'),
    showSlug: form.get('showSlug'),
  })
  revalidatePath(PAGE)
  return toFormState(result)
}

export async function revokeShowAction(_previous: FormState, form: FormData): Promise<FormState> {
  const result = await revokeShow(await currentContext(), {
    userId: form.get('userId'),
    showSlug: form.get('showSlug'),
  })
  revalidatePath(PAGE)
  return toFormState(result)
}

export async function setRoleAction(_previous: FormState, form: FormData): Promise<FormState> {
  const result = await setUserRole(await currentContext(), {
    email: form.get('email'),
    role: form.get('role'),
  })
  revalidatePath(PAGE)
  return toFormState(result)
}

export async function setBanAction(_previous: FormState, form: FormData): Promise<FormState> {
  const result = await banUser(await currentContext(), {
    userId: form.get('userId'),
    body: { banned: form.get('banned') === 'true' },
  })
  revalidatePath(PAGE)
  return toFormState(result)
}
