export { datasetsRoot, resetDatasetsRoot } from "./locate.js";
export { listDatasetFiles, manifest, type DatasetFile } from "./manifest.js";
export { DatasetError, datasetPath, resetVerified } from "./verify.js";
