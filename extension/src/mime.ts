// The MIME renderer extensions (JupyterLab's `mimeExtension` entry of this package).
import type { IRenderMime } from "@jupyterlab/rendermime-interfaces";
import { MIME_TYPES } from "./index.js";
import { DataGridView } from "./grid/view.js";
import { TrainingView } from "./training/view.js";

// A low rank wins over text/html and text/plain, which the same outputs carry for other front ends.
const RANK = 10;

const training: IRenderMime.IExtension = {
  id: "@tensorbook/jupyterlab:training-view",
  description: "Live loss and metric curves of a Keras fit, with a stop button.",
  rendererFactory: {
    safe: true,
    mimeTypes: [MIME_TYPES.trainingProgress],
    defaultRank: RANK,
    createRenderer: () => new TrainingView(),
  },
  rank: RANK,
  dataType: "json",
};

const grid: IRenderMime.IExtension = {
  id: "@tensorbook/jupyterlab:data-grid",
  description: "A sortable, virtualised grid for data frames and 2-D tensors sent as Arrow.",
  rendererFactory: {
    safe: true,
    mimeTypes: [MIME_TYPES.arrowTable],
    defaultRank: RANK,
    createRenderer: () => new DataGridView(),
  },
  rank: RANK,
  dataType: "json",
};

const extensions: IRenderMime.IExtension[] = [training, grid];
export default extensions;
