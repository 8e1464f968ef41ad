import { existsSync } from "node:fs";
import path from "node:path";

/**
 * Stops the run at once when the real vendor forms are missing: many tests
 * read them from `shared/corpus/real` beside this repository, and hundreds
 * of "file not found" failures would hide the cause.
 */
export default function checkCorpus(): void {
  const corpus = path.resolve(import.meta.dirname, "../../shared/corpus/real");
  const reference = path.resolve(
    import.meta.dirname,
    "../../shared/reference/mds2-2019-question-ids.csv",
  );
  for (const needed of [corpus, reference]) {
    if (!existsSync(needed)) {
      throw new Error(
        `Missing ${needed}: the tests read real MDS2 forms and their answer ` +
          "key from the shared/ folder beside this repository. Place it " +
          "there and run npm test again.",
      );
    }
  }
}
