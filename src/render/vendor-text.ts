/**
 * Vendor text made safe to show in a report page, a PDF pack or a catalog.
 * Control characters and direction overrides become visible `\uXXXX` escapes,
 * so text read from a vendor file can neither hide itself nor reorder the
 * text around it. HTML escaping stays with the template engine.
 */

import { escapeCharacter } from "../terminal-text.js";

// C0 controls other than tab and line feed, DEL and the C1 controls.
// eslint-disable-next-line no-control-regex -- matching controls is the point
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

// Embeddings, overrides and isolates: an unclosed one reorders the text that
// follows the vendor's string, such as "Evil Corp\u202Egpj.exe".
const DIRECTION_FORMAT = /[\u202A-\u202E\u2066-\u2069]/g;

// The Arabic letter mark and the left-to-right and right-to-left marks.
const DIRECTION_MARK = /[\u061C\u200E\u200F]/g;

// Line breaks and tabs, including the Unicode line and paragraph separators.
const LINE_BREAKS = /[\t\n\u2028\u2029]+/g;

/**
 * Replaces control characters other than tab and line feed, and every
 * direction embedding, override and isolate, with a `\uXXXX` escape. Carriage
 * returns become line feeds first, as an HTML parser would read them.
 * Direction marks stay, because right-to-left vendor text uses them and they
 * carry no state past the element that isolates the string.
 */
export function visibleControls(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(CONTROL, escapeCharacter)
    .replace(DIRECTION_FORMAT, escapeCharacter);
}

/**
 * Escapes like `visibleControls`, also escapes the direction marks, and
 * joins lines with a space. For places that take no markup and so cannot
 * isolate the text, such as an HTML `<title>` or a PDF's document title.
 */
export function titleText(text: string): string {
  return visibleControls(text)
    .replace(DIRECTION_MARK, escapeCharacter)
    .replace(LINE_BREAKS, " ");
}

/**
 * Returns a copy of a JSON-like value with `visibleControls` applied to every
 * string in it, for a template context built from vendor data.
 */
export function escapeVendorStrings<T>(value: T): T {
  return escapeValue(value) as T;
}

function escapeValue(value: unknown): unknown {
  if (typeof value === "string") return visibleControls(value);
  if (Array.isArray(value)) return value.map(escapeValue);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, escapeValue(item)]),
  );
}
