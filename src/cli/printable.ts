// C0 and C1 control characters and DEL.
// eslint-disable-next-line no-control-regex -- matching them is the point.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/g;

/**
 * Replaces control characters with `\uXXXX`, so text quoted from an input
 * file stays on one line and cannot move the cursor or recolor the terminal.
 */
export function printable(text: string): string {
  return text.replace(
    CONTROL_CHARACTERS,
    (character) =>
      `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
