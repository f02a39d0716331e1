// The CART builder of tree.h: criteria, splitter and depth-first / best-first growth, each a
// line-for-line counterpart of engine/src/sk/tree/{criterion,splitter,sort,builder}.ts. Every
// floating-point expression keeps the TypeScript operand order (the addon is compiled with
// -ffp-contract=off), so both builders produce the same bits.
#include "sk/tree.h"

#include <algorithm>
#include <cfloat>
#include <climits>
#include <cmath>
#include <cstring>
#include <limits>

namespace tb {
namespace {

constexpr double kEpsilon = DBL_EPSILON;
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr float kFeatureThreshold = 1e-7f;
constexpr uint32_t kRandRMax = 0x7fffffffu;
constexpr int32_t kLeaf = -1;
constexpr int32_t kUndefined = -2;

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

// ---- criteria -------------------------------------------------------------------------------

struct CritCommon {
  const double* sw = nullptr;
  const int32_t* samples = nullptr;
  long start = 0, end = 0, pos = 0;
  int n_outputs = 1;
  double weighted_n_samples = 0, weighted_n_node_samples = 0;
  double weighted_n_left = 0, weighted_n_right = 0;
  double imp_left = 0, imp_right = 0;

  double impurity_improvement(double parent, double left, double right) const {
    const double wn = weighted_n_node_samples;
    return (wn / weighted_n_samples) *
           (parent - (weighted_n_right / wn) * right - (weighted_n_left / wn) * left);
  }
};

// Class counts per output; kEntropy picks entropy, else gini.
template <bool kEntropy>
struct ClassCrit : CritCommon {
  const int32_t* y = nullptr;
  const int32_t* n_classes = nullptr;
  long stride = 0;
  std::vector<double> sum_total, sum_left, sum_right;
  double ln2 = std::log(2.0);

  ClassCrit(const TreeData& d) : y(d.codes), n_classes(d.n_classes) {
    n_outputs = d.n_outputs;
    long m = 0;
    for (int k = 0; k < n_outputs; k++) m = std::max<long>(m, n_classes[k]);
    stride = m;
    sum_total.assign(n_outputs * m, 0.0);
    sum_left.assign(n_outputs * m, 0.0);
    sum_right.assign(n_outputs * m, 0.0);
  }
  long value_stride() const { return n_outputs * stride; }

  void init(const int32_t* s, long st, long en) {
    samples = s;
    start = st;
    end = en;
    double* tot = sum_total.data();
    std::fill(sum_total.begin(), sum_total.end(), 0.0);
    double wn = 0;
    for (long p = st; p < en; p++) {
      const long i = s[p];
      const double w = sw == nullptr ? 1.0 : sw[i];
      for (int k = 0; k < n_outputs; k++) tot[k * stride + y[i * n_outputs + k]] += w;
      wn += w;
    }
    weighted_n_node_samples = wn;
    reset();
  }

  void reset() {
    pos = start;
    weighted_n_left = 0;
    weighted_n_right = weighted_n_node_samples;
    std::fill(sum_left.begin(), sum_left.end(), 0.0);
    sum_right = sum_total;
  }

  void reverse_reset() {
    pos = end;
    weighted_n_left = weighted_n_node_samples;
    weighted_n_right = 0;
    std::fill(sum_right.begin(), sum_right.end(), 0.0);
    sum_left = sum_total;
  }

  void update(long new_pos) {
    double* sl = sum_left.data();
    double wl = weighted_n_left;
    if (new_pos - pos <= end - new_pos) {
      for (long p = pos; p < new_pos; p++) {
        const long i = samples[p];
        const double w = sw == nullptr ? 1.0 : sw[i];
        for (int k = 0; k < n_outputs; k++) sl[k * stride + y[i * n_outputs + k]] += w;
        wl += w;
      }
    } else {
      reverse_reset();
      wl = weighted_n_left;
      for (long p = end - 1; p >= new_pos; p--) {
        const long i = samples[p];
        const double w = sw == nullptr ? 1.0 : sw[i];
        for (int k = 0; k < n_outputs; k++) sl[k * stride + y[i * n_outputs + k]] -= w;
        wl -= w;
      }
    }
    weighted_n_left = wl;
    weighted_n_right = weighted_n_node_samples - wl;
    const double* tot = sum_total.data();
    double* sr = sum_right.data();
    for (int k = 0; k < n_outputs; k++) {
      const long o = k * stride;
      const long nc = n_classes[k];
      for (long c = 0; c < nc; c++) sr[o + c] = tot[o + c] - sl[o + c];
    }
    pos = new_pos;
  }

  double impurity_of(const double* sum, double wn) const {
    if (kEntropy) {
      double e = 0;
      for (int k = 0; k < n_outputs; k++) {
        const long o = k * stride;
        for (long c = 0; c < n_classes[k]; c++) {
          double v = sum[o + c];
          if (v > 0) {
            v /= wn;
            e -= v * (std::log(v) / ln2);
          }
        }
      }
      return e / n_outputs;
    }
    double g = 0;
    for (int k = 0; k < n_outputs; k++) {
      double sq = 0;
      const long o = k * stride;
      for (long c = 0; c < n_classes[k]; c++) {
        const double v = sum[o + c];
        sq += v * v;
      }
      g += 1 - sq / (wn * wn);
    }
    return g / n_outputs;
  }

  double node_impurity() const { return impurity_of(sum_total.data(), weighted_n_node_samples); }

  void children_impurity() {
    imp_left = impurity_of(sum_left.data(), weighted_n_left);
    imp_right = impurity_of(sum_right.data(), weighted_n_right);
  }

  double proxy_impurity_improvement() {
    if (!kEntropy && n_outputs == 1) {
      const long nc = n_classes[0];
      const double *l = sum_left.data(), *r = sum_right.data();
      double sl = 0, sr = 0;
      for (long c = 0; c < nc; c++) {
        sl += l[c] * l[c];
        sr += r[c] * r[c];
      }
      const double wl = weighted_n_left, wr = weighted_n_right;
      return -wr * (1 - sr / (wr * wr)) - wl * (1 - sl / (wl * wl));
    }
    children_impurity();
    return -weighted_n_right * imp_right - weighted_n_left * imp_left;
  }

  double improvement(double parent, double left, double right) const {
    return impurity_improvement(parent, left, right);
  }

  void node_value(double* dest) const {
    for (size_t j = 0; j < sum_total.size(); j++) dest[j] = sum_total[j];
  }
};

// Weighted target sums per output; kFriedman picks Friedman's MSE, else the squared error.
template <bool kFriedman>
struct RegCrit : CritCommon {
  const double* y = nullptr;
  std::vector<double> sum_total, sum_left, sum_right;
  double sq_sum_total = 0;

  RegCrit(const TreeData& d) : y(d.y) {
    n_outputs = d.n_outputs;
    sum_total.assign(n_outputs, 0.0);
    sum_left.assign(n_outputs, 0.0);
    sum_right.assign(n_outputs, 0.0);
  }
  long value_stride() const { return n_outputs; }

  void init(const int32_t* s, long st, long en) {
    samples = s;
    start = st;
    end = en;
    double* tot = sum_total.data();
    std::fill(sum_total.begin(), sum_total.end(), 0.0);
    double sq = 0, wn = 0;
    for (long p = st; p < en; p++) {
      const long i = s[p];
      const double w = sw == nullptr ? 1.0 : sw[i];
      for (int k = 0; k < n_outputs; k++) {
        const double yik = y[i * n_outputs + k];
        const double wy = w * yik;
        tot[k] += wy;
        sq += wy * yik;
      }
      wn += w;
    }
    sq_sum_total = sq;
    weighted_n_node_samples = wn;
    reset();
  }

  void reset() {
    pos = start;
    weighted_n_left = 0;
    weighted_n_right = weighted_n_node_samples;
    for (int k = 0; k < n_outputs; k++) {
      sum_left[k] = 0;
      sum_right[k] = sum_total[k];
    }
  }

  void reverse_reset() {
    pos = end;
    weighted_n_left = weighted_n_node_samples;
    weighted_n_right = 0;
    for (int k = 0; k < n_outputs; k++) {
      sum_right[k] = 0;
      sum_left[k] = sum_total[k];
    }
  }

  void update(long new_pos) {
    double* sl = sum_left.data();
    double wl = weighted_n_left;
    if (new_pos - pos <= end - new_pos) {
      if (n_outputs == 1) {
        double s = sl[0];
        if (sw == nullptr) {
          for (long p = pos; p < new_pos; p++) {
            s += y[samples[p]];
            wl += 1;
          }
        } else {
          for (long p = pos; p < new_pos; p++) {
            const long i = samples[p];
            const double w = sw[i];
            s += w * y[i];
            wl += w;
          }
        }
        sl[0] = s;
      } else {
        for (long p = pos; p < new_pos; p++) {
          const long i = samples[p];
          const double w = sw == nullptr ? 1.0 : sw[i];
          for (int k = 0; k < n_outputs; k++) sl[k] += w * y[i * n_outputs + k];
          wl += w;
        }
      }
    } else {
      reverse_reset();
      wl = weighted_n_left;
      for (long p = end - 1; p >= new_pos; p--) {
        const long i = samples[p];
        const double w = sw == nullptr ? 1.0 : sw[i];
        for (int k = 0; k < n_outputs; k++) sl[k] -= w * y[i * n_outputs + k];
        wl -= w;
      }
    }
    weighted_n_left = wl;
    weighted_n_right = weighted_n_node_samples - wl;
    for (int k = 0; k < n_outputs; k++) sum_right[k] = sum_total[k] - sl[k];
    pos = new_pos;
  }

  double node_impurity() const {
    const double wn = weighted_n_node_samples;
    double imp = sq_sum_total / wn;
    for (int k = 0; k < n_outputs; k++) {
      const double m = sum_total[k] / wn;
      imp -= m * m;
    }
    return imp / n_outputs;
  }

  void children_impurity() {
    double sq_left = 0;
    for (long p = start; p < pos; p++) {
      const long i = samples[p];
      const double w = sw == nullptr ? 1.0 : sw[i];
      for (int k = 0; k < n_outputs; k++) {
        const double yik = y[i * n_outputs + k];
        sq_left += w * yik * yik;
      }
    }
    const double sq_right = sq_sum_total - sq_left;
    const double wl = weighted_n_left, wr = weighted_n_right;
    double il = sq_left / wl, ir = sq_right / wr;
    for (int k = 0; k < n_outputs; k++) {
      const double ml = sum_left[k] / wl, mr = sum_right[k] / wr;
      il -= ml * ml;
      ir -= mr * mr;
    }
    imp_left = il / n_outputs;
    imp_right = ir / n_outputs;
  }

  double proxy_impurity_improvement() const {
    if (kFriedman) {
      double l = 0, r = 0;
      for (int k = 0; k < n_outputs; k++) {
        l += sum_left[k];
        r += sum_right[k];
      }
      const double diff = weighted_n_right * l - weighted_n_left * r;
      return (diff * diff) / (weighted_n_left * weighted_n_right);
    }
    double l = 0, r = 0;
    for (int k = 0; k < n_outputs; k++) {
      l += sum_left[k] * sum_left[k];
      r += sum_right[k] * sum_right[k];
    }
    return l / weighted_n_left + r / weighted_n_right;
  }

  double improvement(double parent, double left, double right) const {
    if (kFriedman) {
      double l = 0, r = 0;
      for (int k = 0; k < n_outputs; k++) {
        l += sum_left[k];
        r += sum_right[k];
      }
      const double diff = (weighted_n_right * l - weighted_n_left * r) / n_outputs;
      return (diff * diff) / (weighted_n_left * weighted_n_right * weighted_n_node_samples);
    }
    return impurity_improvement(parent, left, right);
  }

  void node_value(double* dest) const {
    for (int k = 0; k < n_outputs; k++) dest[k] = sum_total[k] / weighted_n_node_samples;
  }
};

// ---- sorting (introsort, as sort.ts) ----------------------------------------------------------

inline void swap2(float* xf, int32_t* s, long i, long j) {
  const float t = xf[i];
  xf[i] = xf[j];
  xf[j] = t;
  const int32_t u = s[i];
  s[i] = s[j];
  s[j] = u;
}

// A feature value with its sample: sorting the pairs moves 8 contiguous bytes per swap. The
// swaps are sort.ts's (which permutes two parallel arrays), so the order comes out the same.
struct Pair {
  float v;
  int32_t i;
};

inline void swap_pairs(Pair* a, long i, long j) {
  const Pair t = a[i];
  a[i] = a[j];
  a[j] = t;
}

inline float median3(const Pair* a, long n) {
  const float x = a[0].v, y = a[n / 2].v, z = a[n - 1].v;
  if (x < y) {
    if (y < z) return y;
    if (x < z) return z;
    return x;
  }
  if (y < z) {
    if (x < z) return x;
    return z;
  }
  return y;
}

void sift_down(Pair* a, long start, long end) {
  long root = start;
  for (;;) {
    const long child = root * 2 + 1;
    long maxind = root;
    if (child < end && a[maxind].v < a[child].v) maxind = child;
    if (child + 1 < end && a[maxind].v < a[child + 1].v) maxind = child + 1;
    if (maxind == root) return;
    swap_pairs(a, root, maxind);
    root = maxind;
  }
}

void heapsort(Pair* a, long n) {
  long start = (n - 2) / 2;  // n ≥ 2 here, so this is ⌊(n − 2) / 2⌋
  for (;;) {
    sift_down(a, start, n);
    if (start == 0) break;
    start--;
  }
  for (long end = n - 1; end > 0; end--) {
    swap_pairs(a, 0, end);
    sift_down(a, 0, end);
  }
}

void introsort(Pair* a, long n, long maxd) {
  while (n > 1) {
    if (maxd <= 0) {
      heapsort(a, n);
      return;
    }
    maxd--;
    const float pivot = median3(a, n);
    long i = 0, l = 0, r = n;
    while (i < r) {
      const float v = a[i].v;
      if (v < pivot) {
        swap_pairs(a, i, l);
        i++;
        l++;
      } else if (v > pivot) {
        r--;
        swap_pairs(a, i, r);
      } else {
        i++;
      }
    }
    introsort(a, l, maxd);
    a += r;
    n -= r;
  }
}

// 2·⌊log₂ n⌋ as sort.ts computes it (Math.log(n) / Math.log(2), floored).
inline long intro_depth(long n) {
  return 2 * static_cast<long>(std::floor(std::log(static_cast<double>(n)) / std::log(2.0)));
}

void sort_pairs(Pair* a, long n) {
  if (n <= 1) return;
  introsort(a, n, intro_depth(n));
}

// Fast path: when every sum a criterion forms is an integer below 2^53 (integer sample weights,
// class counts or integer targets), floating-point addition is exact, so the sums and therefore
// every split, threshold and statistic depend only on which samples lie on each side, never on
// the order of samples with equal feature values. Any correct sort then grows the same tree as
// the introsort above, and a radix sort on order-preserving integer keys is several times faster.

inline uint32_t float_key(float f) {
  uint32_t u;
  std::memcpy(&u, &f, 4);
  return (u & 0x80000000u) ? ~u : (u | 0x80000000u);
}

inline float key_float(uint32_t k) {
  const uint32_t u = (k & 0x80000000u) ? (k & 0x7fffffffu) : ~k;
  float f;
  std::memcpy(&f, &u, 4);
  return f;
}

// Sorts `key << 32 | sample` words by key (LSD radix on the key's bytes, skipping bytes every key
// shares; std::sort below 256 words). tmp holds n words.
void sort_keys(uint64_t* a, uint64_t* tmp, long n) {
  if (n < 256) {
    std::sort(a, a + n);
    return;
  }
  uint32_t hist[4][256] = {};
  for (long i = 0; i < n; i++) {
    const uint32_t k = static_cast<uint32_t>(a[i] >> 32);
    hist[0][k & 255]++;
    hist[1][(k >> 8) & 255]++;
    hist[2][(k >> 16) & 255]++;
    hist[3][k >> 24]++;
  }
  uint64_t* src = a;
  uint64_t* dst = tmp;
  for (int b = 0; b < 4; b++) {
    uint32_t* h = hist[b];
    const int shift = 32 + 8 * b;
    if (h[(src[0] >> shift) & 255] == static_cast<uint32_t>(n)) continue;
    uint32_t sum = 0;
    for (int c = 0; c < 256; c++) {
      const uint32_t t = h[c];
      h[c] = sum;
      sum += t;
    }
    for (long i = 0; i < n; i++) {
      const uint64_t x = src[i];
      dst[h[(x >> shift) & 255]++] = x;
    }
    std::swap(src, dst);
  }
  if (src != a) std::memcpy(a, src, static_cast<size_t>(n) * sizeof(uint64_t));
}

// Whether the criterion's sums are exact integers (see above); 2^52 leaves a factor 2 of margin
// for the rounding of the bound itself.
bool sums_exact(const TreeData& d, const double* sw) {
  constexpr double kLimit = 4503599627370496.0;  // 2^52
  double total_w = 0;
  if (sw) {
    for (long i = 0; i < d.rows; i++) {
      if (sw[i] != std::floor(sw[i])) return false;
      total_w += sw[i];
    }
  } else {
    total_w = static_cast<double>(d.rows);
  }
  if (!(total_w <= kLimit)) return false;
  if (d.codes) return true;
  double sq = 0;
  const long m = d.rows * d.n_outputs;
  for (long j = 0; j < m; j++) {
    const double v = d.y[j];
    if (v != std::floor(v)) return false;
    sq += (sw ? sw[j / d.n_outputs] : 1.0) * (v * v);
  }
  return sq <= kLimit;
}

// ---- splitter ---------------------------------------------------------------------------------

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

  void finish(long max_depth) {
    const long n = t.node_count;
    t.max_depth = max_depth;
    t.left.resize(n);
    t.right.resize(n);
    t.feature.resize(n);
    t.threshold.resize(n);
    t.impurity.resize(n);
    t.n_node_samples.resize(n);
    t.weighted.resize(n);
    t.value.resize(n * t.value_stride);
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
