// The CART builder of tree.h: depth-first / best-first growth over the splitter of
// tree-splitter.h and the criteria of tree-criteria.h, each a line-for-line counterpart of
// engine/src/sk/tree/{builder,splitter,criterion,sort}.ts. Every floating-point expression keeps
// the TypeScript operand order (the addon is compiled with -ffp-contract=off), so both builders
// produce the same bits.
#include "sk/tree.h"

#include <algorithm>
#include <cfloat>
#include <climits>
#include <cmath>
#include <vector>

#include "sk/tree-criteria.h"
#include "sk/tree-splitter.h"

namespace tb {
namespace {

using namespace tree_impl;

constexpr double kEpsilon = DBL_EPSILON;
constexpr int32_t kLeaf = -1;
constexpr int32_t kUndefined = -2;

// ---- node storage and growth ------------------------------------------------------------------

struct NodeStore {
  TreeNodes& t;
  long cap = 0;

  NodeStore(TreeNodes& out, long value_stride) : t(out) {
    t.node_count = 0;
    t.value_stride = value_stride;
    grow(15);
  }

  void grow(long c) {
    t.left.resize(c);
    t.right.resize(c);
    t.feature.resize(c);
    t.threshold.resize(c);
    t.impurity.resize(c);
    t.n_node_samples.resize(c);
    t.weighted.resize(c);
    t.value.resize(c * t.value_stride);
    cap = c;
  }

  long add(long parent, bool is_left, bool is_leaf, long feature, double threshold, double impurity, long n,
           double wn) {
    const long id = t.node_count;
    if (id >= cap) grow(cap * 2 + 1);
    t.impurity[id] = impurity;
    t.n_node_samples[id] = static_cast<int32_t>(n);
    t.weighted[id] = wn;
    if (parent != kUndefined) {
      if (is_left) t.left[parent] = static_cast<int32_t>(id);
      else t.right[parent] = static_cast<int32_t>(id);
    }
    if (is_leaf) {
      t.left[id] = kLeaf;
      t.right[id] = kLeaf;
      t.feature[id] = kUndefined;
      t.threshold[id] = kUndefined;
    } else {
      t.feature[id] = static_cast<int32_t>(feature);
      t.threshold[id] = threshold;
    }
    t.node_count++;
    return id;
  }

  // Trims the arrays to the nodes made.
  void finish(long max_depth) {
    t.max_depth = max_depth;
    grow(t.node_count);
  }
};

struct StackRecord {
  long start, end, depth, parent;
  bool is_left;
  double impurity;
  long n_constant;
};

template <class Crit>
long depth_first(Splitter<Crit>& sp, NodeStore& store, const TreeParams& p, long max_depth) {
  Crit& crit = sp.crit;
  SplitRecord& split = sp.split;
  std::vector<StackRecord> stack;
  stack.push_back({0, sp.n_samples, 0, kUndefined, false, kInf, 0});
  bool first = true;
  long max_depth_seen = -1;
  while (!stack.empty()) {
    const StackRecord r = stack.back();
    stack.pop_back();
    double impurity = r.impurity;
    const long n = r.end - r.start;
    const double wn = sp.node_reset(r.start, r.end);
    bool is_leaf = r.depth >= max_depth || n < p.min_samples_split || n < 2 * p.min_samples_leaf ||
                   wn < 2 * p.min_weight_leaf;
    if (first) {
      impurity = crit.node_impurity();
      first = false;
    }
    is_leaf = is_leaf || impurity <= kEpsilon;
    long child_const = r.n_constant;
    if (!is_leaf) {
      sp.node_split(impurity, r.n_constant);
      child_const = sp.n_constant_features;
      is_leaf = split.pos >= r.end || split.improvement + kEpsilon < p.min_impurity_decrease;
    }
    const long id = store.add(r.parent, r.is_left, is_leaf, split.feature, split.threshold, impurity, n, wn);
    crit.node_value(store.t.value.data() + id * store.t.value_stride);
    if (!is_leaf) {
      stack.push_back({split.pos, r.end, r.depth + 1, id, false, split.impurity_right, child_const});
      stack.push_back({r.start, split.pos, r.depth + 1, id, true, split.impurity_left, child_const});
    }
    if (r.depth > max_depth_seen) max_depth_seen = r.depth;
  }
  return max_depth_seen;
}

struct Frontier {
  long node_id, start, end, pos, depth;
  bool is_leaf;
  double impurity, impurity_left, impurity_right, improvement;
};

// A max-heap on `improvement` with the C++ standard library's sift order (builder.ts).
// floor(a / 2) for a ≥ −2, as Math.floor does.
inline long half_floor(long a) { return a >= 0 ? a / 2 : (a - 1) / 2; }

void sift_up(std::vector<Frontier>& h, long hole, long top, const Frontier& value) {
  long parent = half_floor(hole - 1);
  while (hole > top && h[parent].improvement < value.improvement) {
    h[hole] = h[parent];
    hole = parent;
    parent = half_floor(hole - 1);
  }
  h[hole] = value;
}

void push_heap(std::vector<Frontier>& h, const Frontier& value) {
  h.push_back(value);
  sift_up(h, static_cast<long>(h.size()) - 1, 0, value);
}

Frontier pop_heap(std::vector<Frontier>& h) {
  const long len = static_cast<long>(h.size());
  const Frontier top = h[0];
  const Frontier value = h[len - 1];
  h[len - 1] = top;
  const long n = len - 1;
  long hole = 0, second = 0;
  while (second < half_floor(n - 1)) {
    second = 2 * (second + 1);
    if (h[second].improvement < h[second - 1].improvement) second--;
    h[hole] = h[second];
    hole = second;
  }
  if ((n & 1) == 0 && second == half_floor(n - 2)) {
    second = 2 * (second + 1);
    h[hole] = h[second - 1];
    hole = second - 1;
  }
  sift_up(h, hole, 0, value);
  h.pop_back();
  return top;
}

template <class Crit>
long best_first(Splitter<Crit>& sp, NodeStore& store, const TreeParams& p, long max_depth) {
  Crit& crit = sp.crit;
  SplitRecord& split = sp.split;
  auto add_split_node = [&](long start, long end, double impurity, bool is_first, bool is_left, long parent,
                            long depth) -> Frontier {
    const long n = end - start;
    const double wn = sp.node_reset(start, end);
    if (is_first) impurity = crit.node_impurity();
    bool is_leaf = depth >= max_depth || n < p.min_samples_split || n < 2 * p.min_samples_leaf ||
                   wn < 2 * p.min_weight_leaf || impurity <= kEpsilon;
    if (!is_leaf) {
      sp.node_split(impurity, 0);
      is_leaf = split.pos >= end || split.improvement + kEpsilon < p.min_impurity_decrease;
    }
    const long id = store.add(parent, is_left, is_leaf, split.feature, split.threshold, impurity, n, wn);
    crit.node_value(store.t.value.data() + id * store.t.value_stride);
    if (is_leaf) return {id, start, end, end, depth, true, impurity, impurity, impurity, 0.0};
    return {id, start, end, split.pos, depth, false, impurity, split.impurity_left, split.impurity_right,
            split.improvement};
  };

  long max_split_nodes = p.max_leaf_nodes - 1;
  long max_depth_seen = -1;
  std::vector<Frontier> heap;
  push_heap(heap, add_split_node(0, sp.n_samples, kInf, true, true, kUndefined, 0));
  while (!heap.empty()) {
    const Frontier r = pop_heap(heap);
    const long id = r.node_id;
    TreeNodes& t = store.t;
    if (r.is_leaf || max_split_nodes <= 0) {
      t.left[id] = kLeaf;
      t.right[id] = kLeaf;
      t.feature[id] = kUndefined;
      t.threshold[id] = kUndefined;
    } else {
      max_split_nodes--;
      const Frontier l = add_split_node(r.start, r.pos, r.impurity_left, false, true, id, r.depth + 1);
      const Frontier rr = add_split_node(r.pos, r.end, r.impurity_right, false, false, id, r.depth + 1);
      push_heap(heap, l);
      push_heap(heap, rr);
    }
    if (r.depth > max_depth_seen) max_depth_seen = r.depth;
  }
  return max_depth_seen;
}

template <class Crit>
void grow_with(const TreeData& d, const TreeParams& p, const double* sw, TreeNodes* out) {
  Crit crit(d);
  Splitter<Crit> sp(d, p, crit, sw);
  NodeStore store(*out, crit.value_stride());
  const long max_depth = p.max_depth < 0 ? static_cast<long>(INT_MAX) : p.max_depth;
  const long depth =
      p.max_leaf_nodes < 0 ? depth_first(sp, store, p, max_depth) : best_first(sp, store, p, max_depth);
  store.finish(depth);
}

}  // namespace

void grow_tree(const TreeData& d, const TreeParams& p, const double* sw, TreeNodes* out) {
  switch (d.criterion) {
    case TreeCriterion::gini: grow_with<ClassCrit<false>>(d, p, sw, out); break;
    case TreeCriterion::entropy: grow_with<ClassCrit<true>>(d, p, sw, out); break;
    case TreeCriterion::squared_error: grow_with<RegCrit<false>>(d, p, sw, out); break;
    case TreeCriterion::friedman_mse: grow_with<RegCrit<true>>(d, p, sw, out); break;
  }
}

}  // namespace tb
