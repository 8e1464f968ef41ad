/** Release dates as forms give them: ISO text, Excel serial numbers, or US-style dates. */

const MS_PER_DAY = 86_400_000;
// Excel's 1900 date system counts from 1899-12-30 (it treats 1900 as a leap year).
const EXCEL_1900_EPOCH = Date.UTC(1899, 11, 30);
// Serials between 1950-01-01 and 2100-01-01; other numbers are not dates on a form.
const SERIAL_MIN = 18_264;
const SERIAL_MAX = 73_051;

/** Returns `text` as an ISO date `YYYY-MM-DD`, or `undefined` when it is not a recognizable date. */
export function parseIsoDate(text: string): string | undefined {
  const trimmed = text.trim();

  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+Z?)?$/.exec(trimmed);
  if (iso) return formatParts(Number(iso[1]), Number(iso[2]), Number(iso[3]));

  if (/^\d{5}(?:\.\d+)?$/.test(trimmed)) {
    const serial = Math.floor(Number(trimmed));
    if (serial < SERIAL_MIN || serial > SERIAL_MAX) return undefined;
    return new Date(EXCEL_1900_EPOCH + serial * MS_PER_DAY)
      .toISOString()
      .slice(0, 10);
  }

  // NOTE: `03/04/2020` is read month first, as on US forms; a day-first
  // form with both parts at most 12 is misread.
  const slashed = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(trimmed);
  if (slashed) {
    const first = Number(slashed[1]);
    const second = Number(slashed[2]);
    const year = Number(slashed[3]);
    return first > 12
      ? formatParts(year, second, first)
      : formatParts(year, first, second);
  }

  // Month names: `October 9, 2019`, `9 Oct 2019`.
  if (/[a-z]{3}/i.test(trimmed) && /\d{4}/.test(trimmed)) {
    const time = Date.parse(`${trimmed} UTC`);
    if (!Number.isNaN(time)) return new Date(time).toISOString().slice(0, 10);
  }
  return undefined;
}

function formatParts(
  year: number,
  month: number,
  day: number,
): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return undefined;
  return date.toISOString().slice(0, 10);
}
