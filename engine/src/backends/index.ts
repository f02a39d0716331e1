// Installs the compute backends: the TypeScript kernels (always), then the native addon's,
// which take over the ops they implement when the addon loads, and the CUDA backend (started
// on first use).
import "./js/index.js";
import "./native/index.js";
import "./cuda/index.js";
