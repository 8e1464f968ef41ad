/** Turns vendor text (manufacturer, model, document ID) into safe path segments. */

/** Longest segment produced, so nested device paths stay well under 260 characters. */
export const MAX_SEGMENT_LENGTH = 48;

// Device names that Windows reserves in every folder, with or without an extension.
const WINDOWS_RESERVED =
  /^(con|prn|aux|nul|com[0-9]|lpt[0-9]|conin\$|conout\$)$/i;

/**
 * Returns `text` as one path segment: letters and digits of any script, `.`,
 * `_` and `-` only, no leading or trailing dot or dash, never `..`, at most
 * `MAX_SEGMENT_LENGTH` characters, never a reserved Windows device name.
 * Accents on Latin letters are dropped (`Médical` becomes `Medical`); other
 * scripts are kept, in composed form. Returns `fallback` when nothing usable
 * is left.
 */
export function safeSegment(
  text: string | undefined,
  fallback: string,
): string {
  const cleaned = (text ?? "")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .normalize("NFC")
    .replace(/[^\p{L}\p{M}\p{N}._-]+/gu, "-")
    .replace(/\.{2,}/g, ".")
    .replace(/-{2,}/g, "-");
  const trimmed = trimEdges(cutAt(cleaned, MAX_SEGMENT_LENGTH));
  if (trimmed === "") return fallback;

  const stem = trimmed.split(".")[0] ?? trimmed;
  if (WINDOWS_RESERVED.test(stem)) return `${trimmed}_`;
  return trimmed;
}

function trimEdges(text: string): string {
  return text.replace(/^[.-]+/, "").replace(/[.-]+$/, "");
}

/** Cuts `text` to at most `length` UTF-16 units without splitting a surrogate pair. */
function cutAt(text: string, length: number): string {
  const cut = text.slice(0, length);
  return /[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut;
}
