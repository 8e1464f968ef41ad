/** The mds2 library API: parse MDS2 forms into normalized disclosures and work with them. */

export {
  Mds2Error,
  isMds2Error,
  type ErrorCode,
  type ErrorDetails,
} from "./errors.js";
export * from "./model/disclosure.js";
export * from "./model/assessment.js";
export type {
  EditionData,
  QuestionDef,
  SectionDef,
  GateRule,
  Polarity,
  AnswerKind,
} from "./forms/edition-data.js";
export type { RawForm, RawRow, RawNote } from "./forms/raw-form.js";
export type {
  SourceContent,
  Sheet,
  CellText,
  FormField,
  TextLine,
} from "./read/source-content.js";
export {
  editionData,
  findQuestion,
  registeredEditions,
} from "./forms/editions.js";
export { recognize, type Recognizer } from "./forms/index.js";
export { readSource, type ReadOptions } from "./read/index.js";
export {
  normalize,
  parseAnswer,
  parseNoteReference,
  canonicalQuestionId,
  ANSWER_SPELLINGS,
} from "./normalize/index.js";
export { parseDisclosure, parseFile } from "./parse.js";
export { renderAnswersCsv, renderFindingsCsv } from "./render/csv.js";
export { renderHtml } from "./render/html/index.js";
export { renderPdf, type PdfOptions } from "./render/pdf/index.js";
export {
  renderAnnotatedXlsx,
  renderXlsx2019,
  type AnnotatedXlsxOptions,
} from "./render/xlsx/index.js";
export {
  renderOscalComponentDefinition,
  renderOscalAssessmentResults,
  type OscalOptions,
} from "./render/oscal/index.js";
export {
  diffDisclosures,
  formatDiff,
  type DisclosureDiff,
} from "./crossref/diff.js";
export {
  assess,
  assessWithEdition,
  detectPlatform,
  PLATFORMS,
  type AssessOptions,
} from "./crossref/index.js";
export {
  assessmentSchema,
  assessmentJsonSchema,
} from "./crossref/assessment-schema.js";
export {
  parseEvidence,
  parseXccdfEvidence,
  parseCsvEvidence,
  readEvidenceFile,
  readEvidenceFiles,
  mergeEvidence,
  type EvidenceItem,
  type EvidenceSet,
} from "./mapping/evidence/index.js";
export {
  builtInMapping,
  BUILT_IN_CONTROLS,
  loadMapping,
  loadMappingFile,
  MappingValidationError,
  formatMappingIssue,
  extendMapping,
  filterMapping,
  exportMapping,
  mappingToOscal,
  type Control,
  type ControlCapability,
  type ControlCisReference,
  type Mapping,
  type MappingIssue,
  type MappingExportFormat,
} from "./mapping/index.js";
export {
  CAPABILITIES,
  findCapability,
  type Capability,
} from "./model/capabilities.js";
export {
  runBatch,
  type BatchOptions,
  type BatchSummary,
} from "./batch/index.js";
