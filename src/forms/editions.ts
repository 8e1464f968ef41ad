/** Edition data keyed by edition: sections, questions and gate rules. */

import type { Edition } from "../model/disclosure.js";
import type { EditionData, QuestionDef } from "./edition-data.js";
import { HN1_2008 } from "./hn1-2008/index.js";
import { HN1_2013 } from "./hn1-2013/index.js";
import { HN1_2019 } from "./hn1-2019/index.js";

// Register each edition's data here, one line per edition.
const editions: Partial<Record<Edition, EditionData>> = {
  "HN 1-2019": HN1_2019,
  "HN 1-2013": HN1_2013,
  "HN 1-2008": HN1_2008,
};

const questionIndexes = new Map<Edition, Map<string, QuestionDef>>();

/** Returns the data of `edition`; throws when no data is registered for it (a bug). */
export function editionData(edition: Edition): EditionData {
  const data = editions[edition];
  if (!data) throw new Error(`no edition data registered for ${edition}`);
  return data;
}

/** Editions that have data registered. */
export function registeredEditions(): Edition[] {
  return Object.keys(editions) as Edition[];
}

/** Looks up a question by canonical ID; `undefined` when the edition has no such question. */
export function findQuestion(
  edition: Edition,
  id: string,
): QuestionDef | undefined {
  let index = questionIndexes.get(edition);
  if (!index) {
    index = new Map(
      editionData(edition).questions.map((question) => [question.id, question]),
    );
    questionIndexes.set(edition, index);
  }
  return index.get(id);
}
