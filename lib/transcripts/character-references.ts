// HTML character references (named and numeric), decoded as the WebVTT cue text tokenizer consumes
// them: WebVTT hands "&" to the HTML spec's character reference state, so `entities` (which follows
// that state machine) decodes them. Legacy names match without a semicolon by longest prefix
// ("&notit;" is "¬it;"), numeric references map to Windows-1252 and impossible code points to U+FFFD.
import { decodeHTML, decodeHTMLAttribute } from 'entities/decode'

/** Decodes `&amp;`, `&nbsp;`, `&#8217;`, `&#x1F600;`… in text. Unknown names stay as written. */
export function decodeCharacterReferences(text: string): string {
  return text.includes('&') ? decodeHTML(text) : text
}

/**
 * Decodes references in a tag's annotation (the name in `<v Name>`). WebVTT consumes them "as part
 * of an attribute", where a legacy name without a semicolon followed by a letter, digit or "=" stays
 * as written ("&notit" is not "¬it").
 */
export function decodeAnnotationReferences(annotation: string): string {
  return annotation.includes('&') ? decodeHTMLAttribute(annotation) : annotation
}
