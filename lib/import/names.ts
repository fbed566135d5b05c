// Episode and show names derived from file names, when the transcript carries no metadata.

/** `054_enterprise_python.vtt` → `054-enterprise-python`: lowercased, every run outside [a-z0-9] becomes `-`. */
export function slugFromFileName(fileName: string): string {
  const base = baseName(fileName).replace(/\.[^.]*$/, '')
  return slugify(base)
}

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}

/** `054-enterprise-python` → `054 Enterprise Python`. */
export function titleFromSlug(slug: string): string {
  return slug
    .split('-')
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ')
}

/** `talk/054_x.vtt` → `054_x.vtt` */
export function baseName(fileName: string): string {
  return fileName.replace(/^.*[\\/]/, '')
}

/** A slug for a show or episode a host names by title only: `Hello, World!` → `hello-world`, at most `max` characters. */
export function slugFromTitle(title: string, max = 120): string {
  return slugify(title).slice(0, max).replace(/-+$/, '')
}
