// `keras.wrappers`: Keras models as scikit-learn estimators.
export {
  KerasRegressor,
  KerasClassifier,
  type BuildFunction,
  type KerasWrapperOptions,
} from "./scikit-learn.js";
