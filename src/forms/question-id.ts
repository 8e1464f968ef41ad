/** Canonical question IDs: upper case, ASCII hyphen, no spaces, known typos fixed. */

import { cleanText } from "./clean-text.js";

// HN 1-2019 section prefixes misspelled in NEMA's own template, which vendor
// forms copy: SAHD-15 is printed `SHAD-15`.
const PREFIX_TYPOS: Record<string, string> = { SHAD: "SAHD" };

/** Returns the canonical form of a printed question ID (`shad - 15` → `SAHD-15`). */
export function canonicalQuestionId(printed: string): string {
  const compact = cleanText(printed).replace(/\s+/g, "").toUpperCase();
  const match = /^([A-Z]+)-(.*)$/.exec(compact);
  if (!match) return compact;
  const prefix = match[1] ?? "";
  return `${PREFIX_TYPOS[prefix] ?? prefix}-${match[2]}`;
}

/** Orders question IDs numerically part by part, so `AUDT-2.10` follows `AUDT-2.9`. */
export function compareQuestionIds(left: string, right: string): number {
  const leftParts = left.split(/[-.]/);
  const rightParts = right.split(/[-.]/);
  const length = Math.max(leftParts.length, rightParts.length);
  for (let index = 0; index < length; index += 1) {
    const a = leftParts[index] ?? "";
    const b = rightParts[index] ?? "";
    const order =
      /^\d+$/.test(a) && /^\d+$/.test(b)
        ? Number(a) - Number(b)
        : a.localeCompare(b);
    if (order !== 0) return order;
  }
  return 0;
}
