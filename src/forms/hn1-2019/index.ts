/**
 * ANSI/NEMA HN 1-2019: the 240 question IDs in form order, their sections,
 * parent questions, answer kinds, polarity and the printed "answer N/A to the
 * rest" instructions, kept as data in `questions.json`.
 */

import type { EditionData } from "../edition-data.js";
import data from "./questions.json" with { type: "json" };

export const HN1_2019: EditionData = data as EditionData;
