// Growing CART trees (decision trees, random forests, extra trees) in the addon: the same
// procedure as engine/src/sk/tree/ (builder.ts, splitter.ts, criterion.ts, sort.ts), step for
// step, so that a tree grown here has the very nodes, thresholds and statistics (to the bit) of
// the TypeScript builder for the same data, sample weights and xorshift seed. Plain scalar code,
// compiled once (no instruction-set variants): the work is sorting and branching.
#pragma once
#include <cstdint>
#include <vector>

namespace tb {

// The split criteria the addon implements (absolute_error stays in TypeScript).
enum class TreeCriterion : int { gini = 0, entropy = 1, squared_error = 2, friedman_mse = 3 };

// Training data shared by every tree of a forest (read only).
struct TreeData {
  const float* x = nullptr;  // rows × cols, row-major
  long rows = 0, cols = 0;
  int n_outputs = 1;
  const double* y = nullptr;            // regression: rows × n_outputs targets
  const int32_t* codes = nullptr;       // classification: rows × n_outputs class codes
  const int32_t* n_classes = nullptr;   // classification: classes per output
  TreeCriterion criterion = TreeCriterion::squared_error;
};

// One tree's stopping rules and splitter settings (already resolved to numbers).
struct TreeParams {
  long max_depth = -1;  // -1: unlimited
  long min_samples_split = 2;
  long min_samples_leaf = 1;
  double min_weight_leaf = 0;
  double min_impurity_decrease = 0;
  long max_leaf_nodes = -1;  // -1: depth-first growth, else best-first
  long max_features = 1;
  bool random = false;  // the extra-trees splitter
  uint32_t seed = 1;    // the splitter's xorshift state
};

// The grown tree, in scikit-learn's node layout (children -1, feature and threshold -2 at leaves).
struct TreeNodes {
  long node_count = 0;
  long max_depth = 0;
  long value_stride = 1;  // outputs × classes (1 class for regression)
  std::vector<int32_t> left, right, feature, n_node_samples;
  std::vector<double> threshold, impurity, weighted, value;
};

// Grows one tree on the samples of non-zero weight (sw null: every sample, weight 1). At least
// one sample must have a non-zero weight; codes must lie in [0, n_classes[k]).
void grow_tree(const TreeData& d, const TreeParams& p, const double* sw, TreeNodes* out);

}  // namespace tb
