export { normalize } from "./normalize.js";
export {
  ANSWER_SPELLINGS,
  REDACTED_SPELLINGS,
  parseAnswer,
  type ParsedAnswer,
} from "./answer-value.js";
export {
  parseNoteReference,
  findNoteReferences,
  type NoteReference,
} from "./note-reference.js";
export {
  canonicalQuestionId,
  compareQuestionIds,
} from "../forms/question-id.js";
export { parseIsoDate } from "./date.js";
export { cleanText } from "../forms/clean-text.js";
