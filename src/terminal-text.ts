/** Vendor and user text made safe to print on a terminal. */

// C0 controls, DEL, C1 controls (U+009B starts an escape sequence on some
// terminals), the Arabic letter mark, bidirectional marks, the line and
// paragraph separators, embeddings, overrides and isolates.
const TERMINAL_CONTROL =
  // eslint-disable-next-line no-control-regex -- matching controls is the point
  /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028-\u202E\u2066-\u2069]/g;

/**
 * Replaces each character that could move the cursor, recolor the terminal or
 * reorder the text with a `\uXXXX` escape, line feeds and tabs included. Text
 * quoted from an input file then stays on one line and cannot disguise the
 * output around it.
 */
export function printable(text: string): string {
  return text.replace(TERMINAL_CONTROL, escapeCharacter);
}

/** Escapes like `printable` but keeps line feeds and tabs, for text laid out in lines. */
export function printableLines(text: string): string {
  return text.replace(TERMINAL_CONTROL, (character) =>
    character === "\n" || character === "\t"
      ? character
      : escapeCharacter(character),
  );
}

/** Returns the `\uXXXX` escape of one UTF-16 character, in upper-case hex. */
export function escapeCharacter(character: string): string {
  const code = character.charCodeAt(0).toString(16).toUpperCase();
  return `\\u${code.padStart(4, "0")}`;
}
