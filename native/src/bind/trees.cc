// Growing CART trees (synchronous):
//
// treeGrow(x, rows, cols, criterion, nOutputs, targets, nClasses, weights, params) -> trees
//   x: Float32Array rows×cols row-major. criterion: 0 gini, 1 entropy, 2 squared_error,
//   3 friedman_mse. targets: Int32Array class codes (gini, entropy; nClasses an Int32Array of
//   classes per output) or Float64Array values (nClasses null), rows×nOutputs. weights: one
//   entry per tree, a Float64Array of rows sample weights or null (all ones). params: Float64Array
//   of 9 numbers per tree: seed, maxDepth (-1 none), minSamplesSplit, minSamplesLeaf,
//   minWeightLeaf, minImpurityDecrease, maxLeafNodes (-1 none), maxFeatures, random (0/1).
//   Returns one object per tree: { nodeCount, maxDepth, left, right, feature, threshold,
//   impurity, nNodeSamples, weighted, value } (typed arrays of nodeCount entries; value holds
//   nOutputs × max(nClasses) numbers per node). The trees are grown in parallel on the pool.
#include <algorithm>
#include <cstring>
#include <exception>
#include <string>

#include "bind/bindings.h"
#include "bind/util.h"
#include "sk/tree.h"
#include "threadpool.h"

namespace tb {
namespace bind {
namespace {

constexpr long kTreeParams = 9;

template <typename T, typename A>
A typed_copy(Napi::Env env, const std::vector<T>& v) {
  A a = A::New(env, v.size());
  if (!v.empty()) std::memcpy(a.Data(), v.data(), v.size() * sizeof(T));
  return a;
}

Napi::Value tree_grow_binding(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 9) throw Napi::TypeError::New(env, "treeGrow takes 9 arguments");
  View<float> x = view<float>(info, 0, "x");
  const long rows = int_arg(info, 1, "rows"), cols = int_arg(info, 2, "cols");
  const long crit = int_arg(info, 3, "criterion"), n_out = int_arg(info, 4, "nOutputs");
  if (rows < 1 || cols < 1 || x.length < rows * cols) {
    throw Napi::RangeError::New(env, "treeGrow: x must hold rows·cols values (rows, cols ≥ 1)");
  }
  if (crit < 0 || crit > 3) throw Napi::RangeError::New(env, "treeGrow: criterion must be 0 to 3");
  if (n_out < 1) throw Napi::RangeError::New(env, "treeGrow: nOutputs must be at least 1");
  TreeData d;
  d.x = x.data;
  d.rows = rows;
  d.cols = cols;
  d.n_outputs = static_cast<int>(n_out);
  d.criterion = static_cast<TreeCriterion>(crit);
  if (crit <= 1) {
    View<int32_t> codes = view<int32_t>(info, 5, "targets (class codes)");
    View<int32_t> nc = view<int32_t>(info, 6, "nClasses");
    if (codes.length < rows * n_out || nc.length < n_out) {
      throw Napi::RangeError::New(env, "treeGrow: targets must hold rows·nOutputs codes and nClasses nOutputs counts");
    }
    for (long k = 0; k < n_out; k++) {
      if (nc.data[k] < 1) throw Napi::RangeError::New(env, "treeGrow: every output needs at least one class");
    }
    for (long i = 0; i < rows * n_out; i++) {
      const int32_t c = codes.data[i];
      if (c < 0 || c >= nc.data[i % n_out]) throw Napi::RangeError::New(env, "treeGrow: a class code is out of range");
    }
    d.codes = codes.data;
    d.n_classes = nc.data;
  } else {
    View<double> y = view<double>(info, 5, "targets");
    if (y.length < rows * n_out) throw Napi::RangeError::New(env, "treeGrow: targets must hold rows·nOutputs values");
    d.y = y.data;
  }
  if (!info[7].IsArray()) throw Napi::TypeError::New(env, "treeGrow: weights must be an array");
  Napi::Array wa = info[7].As<Napi::Array>();
  const long n_trees = wa.Length();
  View<double> pv = view<double>(info, 8, "params");
  if (pv.length < n_trees * kTreeParams) throw Napi::RangeError::New(env, "treeGrow: params needs 9 numbers per tree");
  std::vector<const double*> weights(n_trees, nullptr);
  std::vector<TreeParams> params(n_trees);
  for (long t = 0; t < n_trees; t++) {
    Napi::Value w = wa[static_cast<uint32_t>(t)];
    if (!w.IsNull() && !w.IsUndefined()) {
      if (!w.IsTypedArray() || w.As<Napi::TypedArray>().TypedArrayType() != napi_float64_array) {
        throw Napi::TypeError::New(env, "treeGrow: each weight vector must be a Float64Array or null");
      }
      auto wv = w.As<Napi::Float64Array>();
      if (static_cast<long>(wv.ElementLength()) < rows) throw Napi::RangeError::New(env, "treeGrow: a weight vector is shorter than rows");
      const double* wd = wv.Data();
      bool any = false;
      for (long i = 0; i < rows; i++) {
        if (!(wd[i] >= 0)) throw Napi::RangeError::New(env, "treeGrow: sample weights must be non-negative numbers");
        any = any || wd[i] != 0;
      }
      if (!any) throw Napi::RangeError::New(env, "treeGrow: every sample of a tree has weight 0");
      weights[t] = wd;
    }
    const double* q = pv.data + t * kTreeParams;
    TreeParams& p = params[t];
    if (!(q[0] >= 0 && q[0] <= 4294967295.0)) throw Napi::RangeError::New(env, "treeGrow: seed must be a uint32");
    p.seed = static_cast<uint32_t>(q[0]);
    p.max_depth = static_cast<long>(q[1]);
    p.min_samples_split = static_cast<long>(q[2]);
    p.min_samples_leaf = static_cast<long>(q[3]);
    p.min_weight_leaf = q[4];
    p.min_impurity_decrease = q[5];
    p.max_leaf_nodes = static_cast<long>(q[6]);
    p.max_features = static_cast<long>(q[7]);
    p.random = q[8] != 0;
    if (p.min_samples_leaf < 1 || p.max_features < 1 || p.max_features > cols) {
      throw Napi::RangeError::New(env, "treeGrow: minSamplesLeaf must be ≥ 1 and maxFeatures in [1, cols]");
    }
  }

  std::vector<TreeNodes> out(n_trees);
  std::vector<std::string> errors(n_trees);
  ThreadPool::get().parallel_for(n_trees, [&](long t) {
    try {
      grow_tree(d, params[t], weights[t], &out[t]);
    } catch (const std::exception& e) {
      errors[t] = e.what();
    }
  });
  for (long t = 0; t < n_trees; t++) {
    if (!errors[t].empty()) throw Napi::Error::New(env, "treeGrow: " + errors[t]);
  }

  Napi::Array result = Napi::Array::New(env, n_trees);
  for (long t = 0; t < n_trees; t++) {
    TreeNodes& n = out[t];
    Napi::Object o = Napi::Object::New(env);
    o.Set("nodeCount", Napi::Number::New(env, static_cast<double>(n.node_count)));
    o.Set("maxDepth", Napi::Number::New(env, static_cast<double>(n.max_depth)));
    o.Set("left", typed_copy<int32_t, Napi::Int32Array>(env, n.left));
    o.Set("right", typed_copy<int32_t, Napi::Int32Array>(env, n.right));
    o.Set("feature", typed_copy<int32_t, Napi::Int32Array>(env, n.feature));
    o.Set("threshold", typed_copy<double, Napi::Float64Array>(env, n.threshold));
    o.Set("impurity", typed_copy<double, Napi::Float64Array>(env, n.impurity));
    o.Set("nNodeSamples", typed_copy<int32_t, Napi::Int32Array>(env, n.n_node_samples));
    o.Set("weighted", typed_copy<double, Napi::Float64Array>(env, n.weighted));
    o.Set("value", typed_copy<double, Napi::Float64Array>(env, n.value));
    result.Set(static_cast<uint32_t>(t), o);
    n = TreeNodes();  // frees each tree's buffers as soon as they are copied
  }
  return result;
}

}  // namespace

void init_trees(Napi::Env env, Napi::Object exports) {
  exports.Set("treeGrow", Napi::Function::New(env, tree_grow_binding, "treeGrow"));
}

}  // namespace bind
}  // namespace tb
