import { Tensor } from "../../core/tensor.js";
import { readCsv } from "../../pd/csv/read.js";
import { Series } from "../../pd/series.js";
import type { Loader, LoaderOptions } from "./bunch.js";
import { finish } from "./shape.js";

/** Options of `fetchCaliforniaHousing`. */
export interface CaliforniaOptions extends LoaderOptions {
  /**
   * Keep `AveBedrms` missing (NaN) for the 207 districts whose `total_bedrooms` the shipped
   * file lacks, instead of filling them with the median of the others (the default).
   */
  keepNan?: boolean;
}

const DESCR = `.. _california_housing_dataset:

California Housing dataset (derived by Tensorbook)
--------------------------------------------------

**Data Set Characteristics:**

    :Number of Instances: 20640
    :Number of Attributes: 8 numeric, predictive attributes and the target

    :Attribute Information:
        - MedInc        median income in block group
        - HouseAge      median house age in block group
        - AveRooms      average number of rooms per household
        - AveBedrms     average number of bedrooms per household
        - Population    block group population
        - AveOccup      average number of household members
        - Latitude      block group latitude
        - Longitude     block group longitude

    The target variable is the median house value for California districts,
    expressed in hundreds of thousands of dollars ($100,000).

This dataset was derived from the 1990 U.S. census (Pace & Barry, 1997, via StatLib).

How Tensorbook builds it: scikit-learn downloads cal_housing.tgz; Tensorbook never downloads,
so it derives the same eight features from the shipped datasets/housing/housing.csv (the
book's chapter 2 copy of the same census data, in the same row order):
MedInc = median_income, HouseAge = housing_median_age, AveRooms = total_rooms / households,
AveBedrms = total_bedrooms / households, Population = population,
AveOccup = population / households, Latitude = latitude, Longitude = longitude, and the
target MedHouseVal = median_house_value / 100000.
The shipped file lacks total_bedrooms for 207 districts (the book removed them to teach
imputation), so AveBedrms is filled there with the median AveBedrms of the other districts
(pass keepNan: true to keep NaN). Every other value equals scikit-learn's.`;

/**
 * scikit-learn's `fetch_california_housing`: 20,640 districts × 8 features, target the median
 * house value in $100,000s, derived from the shipped `housing.csv` (see `DESCR` for how).
 *
 * @example
 * ```ts
 * const housing = sk.datasets.fetchCaliforniaHousing();
 * housing.featureNames; // ["MedInc", "HouseAge", "AveRooms", …]
 * ```
 */
export const fetchCaliforniaHousing = ((options: CaliforniaOptions = {}) => {
  const df = readCsv("datasets/housing/housing.csv");
  const col = (n: string): Float64Array => df.col(n).column.numbers();
  const rows = df.length;
  const households = col("households");
  const bedrooms = Float64Array.from(col("total_bedrooms"), (b, i) => b / households[i]);
  if (!options.keepNan) {
    const present = bedrooms.filter((x) => !Number.isNaN(x)).sort();
    const m = present.length;
    const median = m % 2 ? present[(m - 1) / 2] : (present[m / 2 - 1] + present[m / 2]) / 2;
    for (let i = 0; i < rows; i++) if (Number.isNaN(bedrooms[i])) bedrooms[i] = median;
  }
  const features: Float64Array[] = [
    col("median_income"),
    col("housing_median_age"),
    Float64Array.from(col("total_rooms"), (r, i) => r / households[i]),
    bedrooms,
    col("population"),
    Float64Array.from(col("population"), (p, i) => p / households[i]),
    col("latitude"),
    col("longitude"),
  ];
  const k = features.length;
  const data = new Float64Array(rows * k);
  for (let i = 0; i < rows; i++) for (let j = 0; j < k; j++) data[i * k + j] = features[j][i];
  const target = Float64Array.from(col("median_house_value"), (v) => v / 100000);
  return finish(
    {
      data,
      rows,
      target: Tensor.fromTypedArray(target, [rows], "float64"),
      targetSeries: () => new Series(target, { name: "MedHouseVal" }),
      featureNames: ["MedInc", "HouseAge", "AveRooms", "AveBedrms", "Population", "AveOccup", "Latitude", "Longitude"],
      targetNames: ["MedHouseVal"],
      DESCR,
    },
    options,
  );
}) as Loader<Tensor, CaliforniaOptions>;
