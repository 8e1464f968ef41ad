/** Spreadsheet column letters for a 0-based column index: 0 → `A`, 27 → `AB`. */
export function toColumnLetters(column: number): string {
  let letters = "";
  for (let rest = column + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}
