/** Loads the sk namespace so every built-in estimator is registered before the contract runs. */
import "../../../engine/src/sk/index.js";
