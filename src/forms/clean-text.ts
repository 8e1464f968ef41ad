/** Text clean-up shared by the recognize stage and the normalize stage above it. */

// Spaces that spreadsheets and PDFs produce besides U+0020: no-break, narrow
// no-break, figure, thin and ideographic spaces, and the zero-width ones. The
// zero-width joiners U+200C and U+200D stay: emoji and several scripts need them.
const ODD_SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;
const ZERO_WIDTH = /[\u200b\u2060\ufeff]/g;
const DASHES = /[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/g;
const SINGLE_QUOTES = /[\u2018\u2019\u201a\u201b\u2032]/g;
const DOUBLE_QUOTES = /[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g;
// Printable ASCII words separated by single spaces: text already in folded
// form, which is most of a form's cells, so it skips the replacements.
const FOLDED_ASCII = /^(?:[!-~]+(?: [!-~]+)*)?$/;

/**
 * Folds `text` to comparable form: NFKC, ASCII spaces, hyphens and quotes,
 * runs of whitespace collapsed to one space, trimmed. Case is kept.
 */
export function cleanText(text: string): string {
  if (FOLDED_ASCII.test(text)) return text;
  return text
    .normalize("NFKC")
    .replace(ZERO_WIDTH, "")
    .replace(ODD_SPACES, " ")
    .replace(DASHES, "-")
    .replace(SINGLE_QUOTES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .replace(/\s+/g, " ")
    .trim();
}
