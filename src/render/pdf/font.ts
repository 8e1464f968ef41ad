/**
 * The font embedded in the evidence pack and the check of which characters it
 * can show. DejaVu Sans (Bitstream Vera licence) ships with the
 * `dejavu-fonts-ttf` npm package, so a fresh machine needs nothing installed.
 */

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import fontkit from "@pdf-lib/fontkit";
import { visibleControls } from "../vendor-text.js";

const require = createRequire(import.meta.url);

export interface PackFonts {
  regular: Buffer;
  bold: Buffer;
}

let cached: PackFonts | undefined;

/** Reads the regular and bold DejaVu Sans files once per process. */
export function loadPackFonts(): PackFonts {
  cached ??= {
    regular: readFileSync(
      require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf"),
    ),
    bold: readFileSync(
      require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf"),
    ),
  };
  return cached;
}

/**
 * Escapes control characters and direction overrides as `visibleControls`
 * does, then replaces every character the font has no glyph for with `?` and
 * records it, so the pack can list what it could not show. DejaVu Sans covers Latin,
 * Greek, Cyrillic and symbols such as ≥ and ✓, but no CJK ideographs.
 */
// Hebrew, Arabic, Syriac, Thaana, NKo and their presentation forms.
const RIGHT_TO_LEFT = /[\u0590-\u07FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;

export class GlyphFilter {
  readonly missing = new Set<string>();
  /** Characters without a glyph per place in the pack where they were replaced. */
  readonly missingByPlace = new Map<string, Set<string>>();
  /** The part of the pack being drawn, such as `Answers, MLDP-3`. */
  place = "Cover";
  /** Places with right-to-left text, which pdfkit 0.20.2 draws in the wrong word order. */
  readonly rightToLeftPlaces = new Set<string>();
  private readonly font: ReturnType<typeof fontkit.create>;

  constructor(fontBytes: Uint8Array) {
    this.font = fontkit.create(fontBytes);
  }

  filter(text: string): string {
    if (RIGHT_TO_LEFT.test(text)) this.rightToLeftPlaces.add(this.place);
    let output = "";
    for (const character of visibleControls(text)) {
      const codePoint = character.codePointAt(0) ?? 0;
      if (
        character === "\n" ||
        character === "\t" ||
        this.font.hasGlyphForCodePoint(codePoint)
      ) {
        output += character;
      } else {
        this.missing.add(character);
        this.recordPlace(character);
        output += "?";
      }
    }
    return output;
  }

  private recordPlace(character: string): void {
    let characters = this.missingByPlace.get(this.place);
    if (!characters) {
      characters = new Set();
      this.missingByPlace.set(this.place, characters);
    }
    characters.add(character);
  }
}

/** Formats a character's code point as `U+4E2D`. */
export function codePointLabel(character: string): string {
  const codePoint = character.codePointAt(0) ?? 0;
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, "0")}`;
}
