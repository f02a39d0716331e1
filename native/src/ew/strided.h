// Strided element-wise ops and reductions over views of any layout. The output is always a
// new row-major array; inputs are (pointer, strides) with broadcasting expressed as stride 0,
// exactly how the engine hands its tensors over.
#pragma once
#include <vector>

#include "ew/ops.h"

namespace tb {

using Dims = std::vector<long>;

template <typename T>
void unary_strided(Unary op, const T* x, const Dims& sx, const Dims& shape, T* out);
template <typename T>
void binary_strided(Binary op, const T* x, const Dims& sx, const T* y, const Dims& sy, const Dims& shape,
                    T* out);
template <typename T>
void fma_strided(const T* a, const Dims& sa, const T* b, const Dims& sb, const T* c, const Dims& sc,
                 const Dims& shape, T* out);

// Reduces `axes` (sorted, distinct) of the view; `out` holds the kept axes row-major.
template <typename T, typename O>
void reduce_strided(ReduceKind kind, const T* x, const Dims& shape, const Dims& strides, const Dims& axes,
                    O* out);
// Index of the first largest (or smallest) element along one axis; the first NaN wins.
template <typename T>
void arg_reduce_strided(bool max, const T* x, const Dims& shape, const Dims& strides, long axis,
                        int* out);
// Softmax (or log-softmax) along the last axis of a contiguous [rows, n] block.
template <typename T>
void softmax_rows(const T* x, T* y, long rows, long n, bool log);

}  // namespace tb
