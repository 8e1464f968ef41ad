/** A hand-built HN 1-2013 disclosure whose answers carry their 2019 equivalents. */

import type { Answer, Disclosure } from "../../src/model/disclosure.js";

function answer2013(
  id: string,
  section: string,
  value: Answer["value"],
  raw: string,
  equivalents: string[] | undefined,
  extra: Partial<Answer> = {},
): Answer {
  return {
    id,
    section,
    question: `2013 question ${id}`,
    value,
    raw,
    notes: [],
    location: `page 2, field ${id}`,
    ...(equivalents ? { equivalents } : {}),
    ...extra,
  };
}

export function disclosure2013(): Disclosure {
  return {
    schema: "mds2.disclosure/1",
    source: {
      file: "legacy-monitor.pdf",
      sha256: "ab".repeat(32),
      format: "pdf-form",
      size: 1200,
    },
    edition: "HN 1-2013",
    device: {
      manufacturer: "Legacy Medical",
      model: "Monitor 7",
      releaseDate: "2014-05-06",
    },
    answers: [
      answer2013("1-1", "ALOF", "yes", "Yes", ["ALOF-1"], { notes: [1] }),
      answer2013("1-1.1", "ALOF", "yes", "Yes", ["ALOF-2"]),
      answer2013("2-1", "AUDT", "no", "No", ["AUDT-1"], { notes: [1] }),
      answer2013("4-1", "CNFS", "yes", "Yes", undefined),
      answer2013("4-2", "CNFS", "text", '=HYPERLINK("http://x.example")', []),
      answer2013("B-1", "MPII", "yes", "Yes", undefined),
    ],
    notes: [
      { number: 1, text: "Logoff after 10 minutes.", section: "ALOF" },
      { number: 1, text: "No audit trail is kept.", section: "AUDT" },
    ],
    problems: [],
  };
}
