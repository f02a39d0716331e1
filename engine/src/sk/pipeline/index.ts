/** Pipelines and unions. */
export { Pipeline, makePipeline, type Step, type StepEstimator, type PipelineOptions } from "./pipeline.js";
export { FeatureUnion, makeUnion, type UnionEntry, type FeatureUnionOptions } from "./feature-union.js";
