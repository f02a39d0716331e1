/** Model selection: splits, cross-validation, searches, curves. */
export { trainTestSplit, type TrainTestSplitOptions } from "./train-test-split.js";
export {
  KFold,
  StratifiedKFold,
  ShuffleSplit,
  StratifiedShuffleSplit,
  BaseCrossValidator,
  type KFoldOptions,
  type ShuffleSplitOptions,
  type SplitPair,
} from "./splitters.js";
export {
  crossValidate,
  crossValScore,
  crossValPredict,
  type CrossValidateOptions,
  type CrossValScoreOptions,
  type CrossValPredictOptions,
  type CrossValidateResult,
  type Scoring,
} from "./cross-validation.js";
export {
  GridSearchCV,
  RandomizedSearchCV,
  BaseSearchCV,
  type SearchOptions,
  type RandomizedSearchOptions,
  type CvResults,
} from "./search.js";
export {
  parameterGrid,
  parameterSampler,
  type ParamGrid,
  type ParamDistributions,
} from "./parameter-grid.js";
export {
  learningCurve,
  validationCurve,
  type LearningCurveOptions,
  type ValidationCurveOptions,
} from "./curves.js";
export { checkRandomState, type RandomStateLike, type Rng } from "./random.js";
export { safeIndexing } from "./indexing.js";
export type { CvInput } from "./check-cv.js";
