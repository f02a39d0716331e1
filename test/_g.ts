import { writeFileSync } from "node:fs";
import { plt } from "tensorbook";
import { GALLERY } from "./engine/plt/gallery.js";
for (const [name, make] of Object.entries(GALLERY)) {
  const t0 = Date.now();
  const fig = make();
  const spec = fig.toSpec();
  const d = plt.compileSpec(spec).diagnostics;
  const png = fig.toPNG({ dpi: 72 });
  writeFileSync(`/tmp/pltout/${name}.png`, png);
  console.log(name, Date.now() - t0, "ms", JSON.stringify(spec).length, JSON.stringify(d));
  plt.close("all");
}
