/** Link handling for text that comes from vendors. */

/** A run of text, linked only when it is an http(s) URL. */
export interface TextSegment {
  text: string;
  href?: string;
}

const URL_PATTERN = /https?:\/\/[^\s<>"'`]+/gi;

// Punctuation that ends a sentence rather than the URL it follows.
const TRAILING_PUNCTUATION = /[.,;:!?)\]}]+$/;

/**
 * Returns `value` when it is an absolute http or https URL, and `#`
 * otherwise, so `javascript:`, `data:` and relative links never reach an
 * `href`.
 */
export function safeHref(value: unknown): string {
  if (typeof value !== "string") return "#";
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return "#";
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return "#";
  return url.href;
}

/** Splits vendor text into plain runs and http(s) links. */
export function linkify(text: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let position = 0;

  for (const match of text.matchAll(URL_PATTERN)) {
    const start = match.index;
    const candidate = match[0].replace(TRAILING_PUNCTUATION, "");
    const href = safeHref(candidate);
    if (href === "#") continue;

    if (start > position) segments.push({ text: text.slice(position, start) });
    segments.push({ text: candidate, href });
    position = start + candidate.length;
  }

  if (position < text.length) segments.push({ text: text.slice(position) });
  return segments;
}
