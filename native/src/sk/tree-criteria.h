// The split criteria of the addon's tree builder (tree.cc): gini / entropy for classification and
// squared error / Friedman MSE for regression, each the counterpart of engine/src/sk/tree/
// criterion.ts with the same floating-point operand order (the addon is compiled with
// -ffp-contract=off), so both builders produce the same bits.
#pragma once
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include "sk/tree.h"

namespace tb {
namespace tree_impl {

// ---- criteria -------------------------------------------------------------------------------

struct CritCommon {
  const double* sw = nullptr;
  const int32_t* samples = nullptr;
  long start = 0, end = 0, pos = 0;
  int n_outputs = 1;
  double weighted_n_samples = 0, weighted_n_node_samples = 0;
  double weighted_n_left = 0, weighted_n_right = 0;
  double imp_left = 0, imp_right = 0;
  // Per-output statistics (class counts, or sums of y) of the node and its two sides.
  std::vector<double> sum_total, sum_left, sum_right;

  // Every sample on the right of the split position.
  void reset() {
    pos = start;
    weighted_n_left = 0;
    weighted_n_right = weighted_n_node_samples;
    std::fill(sum_left.begin(), sum_left.end(), 0.0);
    sum_right = sum_total;
  }

  // Every sample on the left.
  void reverse_reset() {
    pos = end;
    weighted_n_left = weighted_n_node_samples;
    weighted_n_right = 0;
    std::fill(sum_right.begin(), sum_right.end(), 0.0);
    sum_left = sum_total;
  }

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

}  // namespace tree_impl
}  // namespace tb
