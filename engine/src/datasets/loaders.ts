import { readFileSync } from "node:fs";
import type { Tensor } from "../core/tensor.js";
import { readCsv } from "../pd/csv/read.js";
import type { DataFrame } from "../pd/frame.js";
import { readTarGz } from "./archive.js";
import { datasetPath } from "./verify.js";

/**
 * Chapter 2's California housing data (`datasets/housing/housing.csv`): 20,640 districts,
 * 9 numeric columns (207 missing `total_bedrooms`) and the text column `ocean_proximity`.
 *
 * @example
 * ```ts
 * const housing = datasets.loadHousing();
 * housing.shape; // [20640, 10]
 * ```
 */
export function loadHousing(): DataFrame {
  return readCsv("datasets/housing/housing.csv");
}

/**
 * Chapter 1's life-satisfaction data: the OECD Better Life Index (UTF-8 with a byte-order mark)
 * and the IMF's GDP per capita (tab-separated, latin-1, thousands separators, "n/a"), read with
 * the options the book uses.
 *
 * @example
 * ```ts
 * const { oecdBli, gdpPerCapita } = datasets.loadLifesat();
 * ```
 */
export function loadLifesat(): { oecdBli: DataFrame; gdpPerCapita: DataFrame } {
  return {
    oecdBli: readCsv("datasets/lifesat/oecd_bli_2015.csv", { thousands: "," }),
    gdpPerCapita: readCsv("datasets/lifesat/gdp_per_capita.csv", {
      thousands: ",",
      delimiter: "\t",
      encoding: "latin1",
      naValues: "n/a",
    }),
  };
}

/**
 * The Titanic passengers of chapter 3's exercise: `train` (891 rows, with `Survived`) and
 * `test` (418 rows, without it).
 */
export function loadTitanic(): { train: DataFrame; test: DataFrame } {
  return { train: readCsv("datasets/titanic/train.csv"), test: readCsv("datasets/titanic/test.csv") };
}

/**
 * Bach's chorales (chapter 15's exercise) from `jsb_chorales.tgz`: for each split, one int32
 * tensor `[timeSteps, 4]` per chorale (notes 36–81, 0 for silence), in file-name order
 * (chorale_000, chorale_001, …) as the book's `sorted(glob(...))` reads them.
 *
 * @example
 * ```ts
 * const { train, valid, test } = datasets.loadJsbChorales();
 * train.length; // 229
 * ```
 */
export function loadJsbChorales(): { train: Tensor[]; valid: Tensor[]; test: Tensor[] } {
  const files = readTarGz("jsb_chorales/jsb_chorales.tgz", (p) => p.endsWith(".csv"));
  const split = (name: string): Tensor[] =>
    [...files.keys()]
      .filter((p) => p.replace(/^\.\//, "").replace(/^jsb_chorales\//, "").startsWith(`${name}/`))
      .sort()
      .map((p) => {
        const df = readCsv(files.get(p) as Buffer);
        const t = df.toTensor({ dtype: "int32" });
        return t;
      });
  return { train: split("train"), valid: split("valid"), test: split("test") };
}

/**
 * The Tiny Shakespeare text of chapter 16 (1,115,394 characters).
 *
 * @example
 * ```ts
 * const text = datasets.loadShakespeare();
 * text.slice(0, 14); // "First Citizen:"
 * ```
 */
export function loadShakespeare(): string {
  return readFileSync(datasetPath("tinyshakespeare/input.txt"), "utf8");
}
