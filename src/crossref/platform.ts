/** Detects the device's operating system from the disclosure's own text. */

import type { PlatformDetection } from "../model/assessment.js";
import type { Disclosure } from "../model/disclosure.js";
import {
  findPlatform,
  PLATFORMS,
  type PlatformDef,
} from "../mapping/platforms.js";

export {
  findPlatform,
  PLATFORMS,
  PLATFORM_DATES_CHECKED,
} from "../mapping/platforms.js";
export type { PlatformDef } from "../mapping/platforms.js";

/** Platforms that name Windows without saying which release; a versioned match wins over them. */
const GENERIC = new Set(["windows", "win-embedded", "winserver"]);

/** The 2019 question "Does the device contain an Operating System?". */
const OS_QUESTION = "CSUP-2";

const UNKNOWN = PLATFORMS.find((platform) => platform.id === "unknown")!;

interface TextSource {
  text: string;
  location?: string;
}

interface Candidate {
  platform: PlatformDef;
  evidence: TextSource[];
  firstSeen: number;
}

/**
 * Detects the platform from answer text, comments, notes, free text and
 * device fields. The platform named most often wins, a named release always
 * beats a bare "Windows", and ties go to the earliest mention.
 */
export function detectPlatform(disclosure: Disclosure): PlatformDetection {
  const sources = textSources(disclosure);
  const candidates = new Map<string, Candidate>();

  sources.forEach((source, order) => {
    for (const platform of PLATFORMS) {
      const pattern = platform.patterns.find((text) =>
        new RegExp(text, "i").test(source.text),
      );
      if (!pattern) continue;
      const match = new RegExp(pattern, "i").exec(source.text)!;
      const candidate = candidates.get(platform.id) ?? {
        platform,
        evidence: [],
        firstSeen: order,
      };
      candidate.evidence.push({
        text: excerpt(source.text, match.index),
        location: source.location,
      });
      candidates.set(platform.id, candidate);
    }
  });

  const ranked = [...candidates.values()].sort(compareCandidates);
  const best = ranked[0];
  if (best)
    return detection(best.platform, "disclosure", best.evidence, sources);

  const osAnswer = disclosure.answers.find(
    (answer) => answer.id === OS_QUESTION,
  );
  if (disclosure.edition === "HN 1-2019" && osAnswer?.value === "no") {
    const none = findPlatform("none")!;
    const evidence = [
      { text: `${osAnswer.id}: ${osAnswer.raw}`, location: osAnswer.location },
    ];
    return detection(none, "disclosure", evidence, sources);
  }
  return detection(UNKNOWN, "default", [], sources);
}

/** Returns the detection for a `--platform` ID, or undefined when the ID is not a known platform. */
export function platformFromOption(id: string): PlatformDetection | undefined {
  const platform = findPlatform(id);
  if (!platform) return undefined;
  return detection(platform, "option", [{ text: `--platform ${id}` }], []);
}

function compareCandidates(a: Candidate, b: Candidate): number {
  const generic =
    Number(GENERIC.has(a.platform.id)) - Number(GENERIC.has(b.platform.id));
  if (generic !== 0) return generic;
  if (a.evidence.length !== b.evidence.length)
    return b.evidence.length - a.evidence.length;
  return a.firstSeen - b.firstSeen;
}

function detection(
  platform: PlatformDef,
  from: PlatformDetection["from"],
  evidence: TextSource[],
  sources: TextSource[],
): PlatformDetection {
  const result: PlatformDetection = {
    id: platform.id,
    name: platform.name,
    from,
    evidence: evidence.map((item) =>
      item.location === undefined
        ? { text: item.text }
        : { text: item.text, location: item.location },
    ),
  };
  if (platform.endOfSupport) result.endOfSupport = platform.endOfSupport;
  if (platform.note) result.note = platform.note;
  const ltsc = platform.ltscPatterns?.some((text) =>
    sources.some((source) => new RegExp(text, "i").test(source.text)),
  );
  if (ltsc) result.longTermServicing = true;
  return result;
}

/** Collects every piece of vendor-written text with its location, in form order. */
function textSources(disclosure: Disclosure): TextSource[] {
  const sources: TextSource[] = [];
  const device = disclosure.device;
  for (const field of [
    "description",
    "model",
    "softwareRevision",
    "intendedUse",
  ] as const) {
    const text = device[field];
    if (text) sources.push({ text, location: `device ${field}` });
  }
  for (const answer of disclosure.answers) {
    if (answer.value === "text" || answer.value === "unrecognized") {
      sources.push({ text: answer.raw, location: answer.location });
    } else if (answer.comment) {
      sources.push({ text: answer.comment, location: answer.location });
    }
  }
  for (const note of disclosure.notes) {
    sources.push({
      text: note.text,
      location: note.location ?? `note ${note.number}`,
    });
  }
  if (disclosure.otherConsiderations) {
    sources.push({
      text: disclosure.otherConsiderations,
      location: "other security considerations",
    });
  }
  return sources;
}

function excerpt(text: string, index: number): string {
  const start = Math.max(0, index - 40);
  const end = Math.min(text.length, index + 60);
  const prefix = start > 0 ? "…" : "";
  const suffix = end < text.length ? "…" : "";
  return `${prefix}${text.slice(start, end).replace(/\s+/g, " ").trim()}${suffix}`;
}

/** True when a control with these platform IDs exists on the detected platform. */
export function controlApplies(
  controlPlatforms: readonly string[],
  platformId: string,
): boolean {
  const platform = findPlatform(platformId) ?? UNKNOWN;
  // With the release unknown, no control can be ruled out.
  if (platform.family === "unknown") return true;
  if (platform.family === "windows" && platform.controlPlatforms.length === 0)
    return true;
  return controlPlatforms.some(
    (id) => id === platform.id || platform.controlPlatforms.includes(id),
  );
}
