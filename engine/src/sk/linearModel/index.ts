/** Linear models: least squares, ridge, lasso/elastic net, SGD, logistic regression, perceptron. */
export { LinearRegression, type LinearRegressionOptions } from "./linear-regression.js";
export { Ridge, type RidgeOptions, type RidgeSolver } from "./ridge.js";
export { ElasticNet, Lasso, type ElasticNetOptions, type LassoOptions } from "./elastic-net.js";
export { SGDRegressor, type SGDRegressorOptions, type SGDFitOptions } from "./sgd/sgd-regressor.js";
export { SGDClassifier, type SGDClassifierOptions, type ClassWeight } from "./sgd/sgd-classifier.js";
export { Perceptron, type PerceptronOptions } from "./sgd/perceptron.js";
export type { LearningRate, SgdPenalty, BaseSgdOptions } from "./sgd/sgd-base.js";
export type { ClassificationLoss, RegressionLoss } from "./sgd/losses.js";
export { LogisticRegression, type LogisticRegressionOptions } from "./logistic-regression.js";
