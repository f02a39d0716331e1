export { datasetsRoot, resetDatasetsRoot } from "./locate.js";
export { listDatasetFiles, manifest, type DatasetFile } from "./manifest.js";
export { DatasetError, datasetPath, resetVerified } from "./verify.js";
export { readTarGz, readGzip } from "./archive.js";
export { readIdx, type IdxArray } from "./idx.js";
export { loadImage, decodeImage } from "./image.js";
export { loadHousing, loadLifesat, loadTitanic, loadJsbChorales, loadShakespeare } from "./loaders.js";
