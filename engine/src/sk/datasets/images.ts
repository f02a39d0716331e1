import { readFileSync } from "node:fs";
import type { Tensor } from "../../core/tensor.js";
import { loadImage } from "../../datasets/image.js";
import { DatasetError, datasetPath } from "../../datasets/verify.js";

const SAMPLES = ["china.jpg", "flower.jpg"] as const;

/**
 * One of scikit-learn's sample images as a uint8 tensor `[427, 640, 3]` ("china.jpg" or
 * "flower.jpg", both CC BY 2.0; see datasets/sample_images/README_sklearn_images.txt).
 *
 * @example
 * ```ts
 * const china = sk.datasets.loadSampleImage("china.jpg");
 * china.shape; // [427, 640, 3]
 * ```
 */
export function loadSampleImage(imageName: string): Tensor {
  if (!(SAMPLES as readonly string[]).includes(imageName)) {
    throw new DatasetError(`no sample image "${imageName}"; the sample images are ${SAMPLES.join(", ")}`);
  }
  return loadImage(`sample_images/${imageName}`);
}

/** Both sample images, their file names and the attribution text (`load_sample_images`). */
export function loadSampleImages(): { images: Tensor[]; filenames: string[]; DESCR: string } {
  return {
    images: SAMPLES.map((n) => loadImage(`sample_images/${n}`)),
    filenames: SAMPLES.map((n) => datasetPath(`sample_images/${n}`)),
    DESCR: readFileSync(datasetPath("sample_images/README_sklearn_images.txt"), "utf8"),
  };
}
