/** Content-derived identifiers and the shared OSCAL vocabulary of mds2 documents. */

import { createHash } from "node:crypto";
import { Mds2Error } from "../../errors.js";

export const OSCAL_VERSION = "1.1.2";

/** Namespace of the props mds2 adds (OSCAL requires a URI for names outside its own). */
export const MDS2_PROPS_NS = "urn:mds2:oscal";

/** UUID namespace of every mds2 OSCAL identifier; fixed so re-runs give the same UUIDs. */
const MDS2_UUID_NAMESPACE = "8f6a3f5e-2b4d-4c1e-9a7b-5d3e1f2a6c90";

/** Name-based UUID (RFC 9562 version 5: SHA-1 of namespace and name). */
export function uuidV5(name: string, namespace = MDS2_UUID_NAMESPACE): string {
  const hash = createHash("sha1")
    .update(Buffer.from(namespace.replaceAll("-", ""), "hex"))
    .update(name, "utf8")
    .digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    hex.slice(12, 16),
    hex.slice(16, 20),
    hex.slice(20, 32),
  ].join("-");
}

/**
 * Makes an OSCAL token (letters, digits, `.`, `-`, `_`, starting with a letter or
 * `_`): question IDs such as the 2013 form's `1-1` get a `q-` prefix.
 */
export function toToken(text: string): string {
  const cleaned = text.replace(/[^\p{L}\p{N}._-]+/gu, "-");
  return /^[\p{L}_]/u.test(cleaned) ? cleaned : `q-${cleaned}`;
}

/**
 * Flattens text to an OSCAL `string`, which has no leading or trailing white
 * space and no line breaks. Empty text becomes `fallback`.
 */
export function toOscalString(
  text: string | undefined,
  fallback = "none",
): string {
  const flat = (text ?? "").replace(/\s+/g, " ").trim();
  return flat === "" ? fallback : flat;
}

/**
 * Escapes vendor text for an OSCAL `markup-line` or `markup-multiline` field,
 * which viewers render as Markdown: a backslash before each character that
 * could start HTML, a link, an image, code or emphasis, so the text shows as
 * written and never as markup.
 */
export function toMarkup(text: string): string {
  return text.replace(/[\\`*_[\]<>&!|~]/g, "\\$&");
}

/**
 * Returns the timestamp stamped on a document: `timestamp` when given, else the
 * disclosure's release date at midnight UTC, else the Unix epoch, so the
 * same records always give the same bytes.
 */
export function documentTimestamp(
  timestamp: string | Date | undefined,
  releaseDate?: string,
): string {
  if (timestamp !== undefined && timestamp !== "") {
    const stamp = oscalDateTime(new Date(timestamp));
    if (stamp === undefined) {
      throw new Mds2Error(
        "usage",
        `invalid timestamp "${String(timestamp)}": an OSCAL date-time needs a real date from the years 1900 to 2999`,
        { hint: "Give a date-time between the years 1900 and 2999." },
      );
    }
    return stamp;
  }
  return releaseTimestamp(releaseDate) ?? new Date(0).toISOString();
}

/**
 * Returns the release date (YYYY-MM-DD) at midnight UTC, or `undefined` when
 * it is not a real calendar date that OSCAL can carry.
 */
export function releaseTimestamp(
  releaseDate: string | undefined,
): string | undefined {
  if (!releaseDate || !/^\d{4}-\d{2}-\d{2}$/.test(releaseDate))
    return undefined;
  const stamp = oscalDateTime(new Date(`${releaseDate}T00:00:00.000Z`));
  // A date such as 2019-02-30 rolls over to another day: not a real date.
  return stamp?.startsWith(releaseDate) ? stamp : undefined;
}

/**
 * Formats a date as an OSCAL date-time, or returns `undefined` for an invalid
 * date or a year outside 1900-2999, the only years OSCAL's pattern accepts.
 */
function oscalDateTime(date: Date): string | undefined {
  if (Number.isNaN(date.getTime())) return undefined;
  const year = date.getUTCFullYear();
  return year >= 1900 && year <= 2999 ? date.toISOString() : undefined;
}

export interface OscalProperty {
  name: string;
  value: string;
  ns?: string;
  class?: string;
  remarks?: string;
}

/** Builds an mds2 prop, or returns `undefined` when the value is empty. */
export function mds2Prop(
  name: string,
  value: string | undefined,
  extra: Partial<OscalProperty> = {},
): OscalProperty | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  return { name, ns: MDS2_PROPS_NS, value: toOscalString(value), ...extra };
}

export function compact<T>(items: (T | undefined)[]): T[] {
  return items.filter((item): item is T => item !== undefined);
}
