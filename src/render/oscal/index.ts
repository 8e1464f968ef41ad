/** OSCAL 1.1.2 JSON: the vendor's claims as a component definition, the assessment as assessment results. */

export {
  buildComponentDefinition,
  renderOscalComponentDefinition,
  type OscalOptions,
} from "./component-definition.js";
export {
  buildAssessmentResults,
  renderOscalAssessmentResults,
} from "./assessment-results.js";
export { OSCAL_VERSION, uuidV5 } from "./ids.js";
