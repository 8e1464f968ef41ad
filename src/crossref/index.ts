/** Cross-reference of a disclosure against a mapping and evidence. */

import { editionData } from "../forms/editions.js";
import type { Assessment } from "../model/assessment.js";
import type { Disclosure } from "../model/disclosure.js";
import { assessWithEdition, type AssessOptions } from "./assess.js";

export type { AssessOptions } from "./assess.js";
export { assessWithEdition } from "./assess.js";
export { loadAssessOptions, type AssessSources } from "./load-options.js";
export { assessmentJsonSchema, assessmentSchema } from "./assessment-schema.js";
export {
  detectPlatform,
  PLATFORMS,
  PLATFORM_DATES_CHECKED,
} from "./platform.js";

/** Assesses every capability of `disclosure`; pure apart from the default `today`. */
export function assess(
  disclosure: Disclosure,
  options: AssessOptions,
): Assessment {
  return assessWithEdition(
    disclosure,
    editionData(disclosure.edition),
    options,
  );
}
