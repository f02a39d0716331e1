// The splitter of the addon's tree builder (tree.cc): the best (or, for extra trees, a random)
// split of a node's samples, as engine/src/sk/tree/splitter.ts, for any criterion of
// tree-criteria.h.
#pragma once
#include <cstdint>
#include <limits>
#include <vector>

#include "sk/tree-sort.h"
#include "sk/tree.h"

namespace tb {
namespace tree_impl {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr float kFeatureThreshold = 1e-7f;
constexpr uint32_t kRandRMax = 0x7fffffffu;

// scikit-learn's xorshift generator (engine/src/sk/internal/random.ts ourRandR).
inline uint32_t our_rand_r(uint32_t* state) {
  uint32_t s = *state;
  if (s == 0) s = 1;
  s ^= s << 13;
  s ^= s >> 17;
  s ^= s << 5;
  *state = s;
  return s % 0x80000000u;
}

inline void swap2(float* xf, int32_t* s, long i, long j) {
  const float t = xf[i];
  xf[i] = xf[j];
  xf[j] = t;
  const int32_t u = s[i];
  s[i] = s[j];
  s[j] = u;
}

struct SplitRecord {
  long feature = 0, pos = 0;
  double threshold = 0, improvement = -kInf, impurity_left = kInf, impurity_right = kInf;
};

template <class Crit>
struct Splitter {
  const TreeData& d;
  const TreeParams& p;
  Crit& crit;
  std::vector<int32_t> samples;
  std::vector<int32_t> features, constant_features;
  std::vector<float> xf;
  std::vector<Pair> pairs;
  bool exact = false;
  std::vector<uint64_t> keys, keys_tmp;
  long n_samples = 0;
  double weighted_n_samples = 0;
  uint32_t rand = 1;
  long start = 0, end = 0;
  float fmin = 0, fmax = 0;
  long n_constant_features = 0;
  SplitRecord split;

  Splitter(const TreeData& data, const TreeParams& params, Crit& c, const double* sw)
      : d(data), p(params), crit(c), rand(params.seed) {
    samples.resize(d.rows);
    long j = 0;
    double wn = 0;
    for (long i = 0; i < d.rows; i++) {
      if (sw == nullptr || sw[i] != 0) samples[j++] = static_cast<int32_t>(i);
      wn += sw == nullptr ? 1.0 : sw[i];
    }
    samples.resize(j);
    n_samples = j;
    weighted_n_samples = wn;
    features.resize(d.cols);
    for (long f = 0; f < d.cols; f++) features[f] = static_cast<int32_t>(f);
    constant_features.assign(d.cols, 0);
    xf.resize(j);
    if (!p.random) {
      exact = sums_exact(d, sw);
      if (exact) {
        keys.resize(j);
        keys_tmp.resize(j);
      } else {
        pairs.resize(j);
      }
    }
    crit.sw = sw;
    crit.weighted_n_samples = wn;
  }

  long rand_int(long low, long high) { return low + static_cast<long>(our_rand_r(&rand) % static_cast<uint32_t>(high - low)); }

  double node_reset(long st, long en) {
    start = st;
    end = en;
    crit.init(samples.data(), st, en);
    return crit.weighted_n_node_samples;
  }

  double scan_sorted(long f, double best_proxy) {
    const float* x = xf.data();
    const long msl = p.min_samples_leaf;
    const double mwl = p.min_weight_leaf;
    crit.reset();
    long q = start;
    while (q < end) {
      float a = x[q];
      while (q + 1 < end) {
        const float b = x[q + 1];
        if (b != a && b > a + kFeatureThreshold) break;
        a = b;
        q++;
      }
      q++;
      if (q >= end) break;
      if (q - start < msl || end - q < msl) continue;
      crit.update(q);
      if (crit.weighted_n_left < mwl || crit.weighted_n_right < mwl) continue;
      const double proxy = crit.proxy_impurity_improvement();
      if (proxy > best_proxy) {
        best_proxy = proxy;
        double thr = static_cast<double>(x[q - 1]) / 2.0 + static_cast<double>(x[q]) / 2.0;
        if (thr == static_cast<double>(x[q]) || thr == kInf || thr == -kInf) thr = x[q - 1];
        split.feature = f;
        split.pos = q;
        split.threshold = thr;
      }
    }
    return best_proxy;
  }

  bool gather_sorted(long f) {
    if (exact) return gather_sorted_keys(f);
    const float* x = d.x + f;
    const long rs = d.cols;
    int32_t* s = samples.data();
    float* v = xf.data();
    Pair* a = pairs.data();
    float mn = std::numeric_limits<float>::infinity(), mx = -mn;
    for (long q = start; q < end; q++) {
      const int32_t i = s[q];
      const float val = x[static_cast<long>(i) * rs];
      a[q] = {val, i};
      if (val < mn) mn = val;
      if (val > mx) mx = val;
    }
    if (mn != mx) {
      sort_pairs(a + start, end - start);
      for (long q = start; q < end; q++) {
        v[q] = a[q].v;
        s[q] = a[q].i;
      }
    } else {
      for (long q = start; q < end; q++) v[q] = a[q].v;
    }
    return v[end - 1] <= v[start] + kFeatureThreshold;
  }

  bool gather_sorted_keys(long f) {
    const float* x = d.x + f;
    const long rs = d.cols;
    int32_t* s = samples.data();
    float* v = xf.data();
    uint64_t* k = keys.data();
    float mn = std::numeric_limits<float>::infinity(), mx = -mn;
    for (long q = start; q < end; q++) {
      const uint32_t i = static_cast<uint32_t>(s[q]);
      const float val = x[static_cast<long>(i) * rs];
      k[q] = static_cast<uint64_t>(float_key(val)) << 32 | i;
      v[q] = val;
      if (val < mn) mn = val;
      if (val > mx) mx = val;
    }
    if (mn != mx) {
      sort_keys(k + start, keys_tmp.data(), end - start);
      for (long q = start; q < end; q++) {
        v[q] = key_float(static_cast<uint32_t>(k[q] >> 32));
        s[q] = static_cast<int32_t>(static_cast<uint32_t>(k[q]));
      }
    }
    return v[end - 1] <= v[start] + kFeatureThreshold;
  }

  bool gather_range(long f) {
    const float* x = d.x + f;
    const long rs = d.cols;
    const int32_t* s = samples.data();
    float* v = xf.data();
    float mn = x[static_cast<long>(s[start]) * rs];
    float mx = mn;
    v[start] = mn;
    for (long q = start + 1; q < end; q++) {
      const float val = x[static_cast<long>(s[q]) * rs];
      v[q] = val;
      if (val < mn) mn = val;
      else if (val > mx) mx = val;
    }
    fmin = mn;
    fmax = mx;
    return mx <= mn + kFeatureThreshold;
  }

  double try_random(long f, double best_proxy) {
    int32_t* s = samples.data();
    float* v = xf.data();
    const double mn = fmin, mx = fmax;
    double thr = ((mx - mn) * static_cast<double>(our_rand_r(&rand))) / static_cast<double>(kRandRMax) + mn;
    if (thr == mx) thr = mn;
    long q = start, pe = end;
    while (q < pe) {
      if (v[q] <= thr) {
        q++;
      } else {
        pe--;
        swap2(v, s, q, pe);
      }
    }
    const long pos = pe;
    if (pos - start < p.min_samples_leaf || end - pos < p.min_samples_leaf) return best_proxy;
    crit.reset();
    crit.update(pos);
    if (crit.weighted_n_left < p.min_weight_leaf || crit.weighted_n_right < p.min_weight_leaf) return best_proxy;
    const double proxy = crit.proxy_impurity_improvement();
    if (proxy > best_proxy) {
      split.feature = f;
      split.pos = pos;
      split.threshold = thr;
      return proxy;
    }
    return best_proxy;
  }

  void finish(double impurity, bool partitioned) {
    int32_t* s = samples.data();
    if (!partitioned) {
      const float* x = d.x + split.feature;
      const long rs = d.cols;
      const double thr = split.threshold;
      long q = start, pe = end;
      while (q < pe) {
        if (x[static_cast<long>(s[q]) * rs] <= thr) {
          q++;
        } else {
          pe--;
          const int32_t t = s[q];
          s[q] = s[pe];
          s[pe] = t;
        }
      }
    }
    crit.reset();
    crit.update(split.pos);
    crit.children_impurity();
    split.impurity_left = crit.imp_left;
    split.impurity_right = crit.imp_right;
    split.improvement = crit.improvement(impurity, split.impurity_left, split.impurity_right);
  }

  void node_split(double impurity, long n_constant) {
    int32_t* feats = features.data();
    int32_t* consts = constant_features.data();
    split.impurity_left = kInf;
    split.impurity_right = kInf;
    split.pos = end;
    split.feature = 0;
    split.threshold = 0;
    split.improvement = -kInf;
    double best_proxy = -kInf;

    long fi = d.cols;
    long n_visited = 0, n_found_constants = 0, n_drawn_constants = 0;
    const long n_known_constants = n_constant;
    long n_total_constants = n_known_constants;
    long cur_feature = -1;
    const long max_features = p.max_features;

    while (fi > n_total_constants &&
           (n_visited < max_features || n_visited <= n_found_constants + n_drawn_constants)) {
      n_visited++;
      long fj = rand_int(n_drawn_constants, fi - n_found_constants);
      if (fj < n_known_constants) {
        std::swap(feats[n_drawn_constants], feats[fj]);
        n_drawn_constants++;
        continue;
      }
      fj += n_found_constants;
      const int32_t f = feats[fj];
      cur_feature = f;
      if (p.random ? gather_range(f) : gather_sorted(f)) {
        feats[fj] = feats[n_total_constants];
        feats[n_total_constants] = f;
        n_found_constants++;
        n_total_constants++;
        continue;
      }
      fi--;
      feats[fj] = feats[fi];
      feats[fi] = f;
      best_proxy = p.random ? try_random(f, best_proxy) : scan_sorted(f, best_proxy);
    }

    if (split.pos < end) finish(impurity, p.random && cur_feature == split.feature);

    for (long k = 0; k < n_known_constants; k++) feats[k] = consts[k];
    for (long k = 0; k < n_found_constants; k++) consts[n_known_constants + k] = feats[n_known_constants + k];
    n_constant_features = n_total_constants;
  }
};

}  // namespace tree_impl
}  // namespace tb
