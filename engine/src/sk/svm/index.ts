/** Support vector machines: libsvm-style kernel SVMs and liblinear-style linear ones. */
export { SVC, type SVCOptions, type SVMFitOptions } from "./svc.js";
export { SVR, type SVROptions } from "./svr.js";
export type { KernelOptions, KernelFunction } from "./libsvm-options.js";
export type { KernelName } from "./kernels.js";
export { LinearSVC, type LinearSVCOptions } from "./linear-svc.js";
export { LinearSVR, type LinearSVROptions } from "./linear-svr.js";
