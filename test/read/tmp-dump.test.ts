import { it } from "vitest";
import { readPdf } from "../../src/read/pdf/index.js";
import { sampleHn12019Print, writeHn12019PrintPdf } from "../../src/samples/hn1-2019-print-pdf.js";
it("d", async () => {
  const c = await readPdf(await writeHn12019PrintPdf(sampleHn12019Print()), "x.pdf");
  if (c.kind !== "grid") return;
  for (const r of c.sheets[0]!.rows.slice(-52)) console.log(JSON.stringify(r.map((x) => x?.text ?? "")), r.find(Boolean)?.location);
});
