/** Checks for numeric options, so a bad value is a one-line usage error naming the option and the value. */

import { Mds2Error } from "../errors.js";

/**
 * Returns a yargs `coerce` function that accepts a whole number from `min`
 * to `max` and rejects anything else with a message such as "--jobs must
 * be a whole number of at least 1 and at most 256, got "abc"".
 */
export function wholeNumber(
  option: string,
  min: number,
  max: number,
): (value: unknown) => number {
  return (value) => {
    const number = toNumber(value);
    if (!Number.isInteger(number) || number < min || number > max) {
      throw usageError(
        `${option} must be a whole number of at least ${min} and at most ${max}, got ${shown(value)}`,
      );
    }
    return number;
  };
}

/** Returns a yargs `coerce` function that accepts a finite number of `unit` above zero. */
export function positiveNumber(
  option: string,
  unit: string,
): (value: unknown) => number {
  return (value) => {
    const number = toNumber(value);
    if (!Number.isFinite(number) || number <= 0) {
      throw usageError(
        `${option} must be a number of ${unit} above 0, got ${shown(value)}`,
      );
    }
    return number;
  };
}

// Options declared without a type keep what the user typed, so a message can
// show "abc" where a `number` option would already hold NaN. yargs turns a
// repeated option into an array; the last value wins, as for typed options.
function toNumber(value: unknown): number {
  const last = Array.isArray(value) ? value.at(-1) : value;
  if (typeof last === "number") return last;
  if (typeof last !== "string" || last.trim() === "") return Number.NaN;
  return Number(last);
}

function shown(value: unknown): string {
  const last = Array.isArray(value) ? value.at(-1) : value;
  return typeof last === "string" ? JSON.stringify(last) : String(last);
}

function usageError(message: string): Mds2Error {
  return new Mds2Error("usage", message);
}
