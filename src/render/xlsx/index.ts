/** Workbook outputs: the annotated vendor workbook and the 2019-layout conversion. */

export {
  renderAnnotatedXlsx,
  parseLocation,
  type AnnotatedXlsxOptions,
} from "./annotate.js";
export {
  buildLayout2019,
  renderXlsx2019,
  FORM_SHEET,
  NOT_CARRIED_SHEET,
} from "./layout-2019.js";
