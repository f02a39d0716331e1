// 2-D convolution and pooling on NHWC tensors (TensorFlow's layout), forward and backward.
// Convolution lowers each batch chunk to one GEMM through an im2col matrix whose rows are
// output pixels and whose columns follow the filter's (kh, kw, c) order, so the filter
// [KH, KW, C, F] is used in place as a (KH*KW*C) x F matrix.
#pragma once
#include "cancel.h"

namespace tb {

struct Conv2dShape {
  long n, h, w, c;       // input
  long kh, kw, f;        // filter
  long sh, sw;           // strides
  long dh, dw;           // dilations
  long pad_top, pad_left;
  long oh, ow;           // output
};

// y[n, oh, ow, f] = sum x[n, oh*sh - pt + i*dh, ow*sw - pl + j*dw, c] * w[i, j, c, f]
template <typename T>
bool conv2d_forward(const Conv2dShape& s, const T* x, const T* w, T* y, const Cancel& cancel);
// Gradients of the loss with respect to the input (dx, overwritten) and the filter (dw,
// overwritten); either may be null to skip it.
template <typename T>
bool conv2d_backward(const Conv2dShape& s, const T* x, const T* w, const T* dy, T* dx, T* dw,
                     const Cancel& cancel);

struct Pool2dShape {
  long n, h, w, c;
  long kh, kw, sh, sw;
  long pad_top, pad_left;
  long oh, ow;
};

// Max pooling; `argmax` (may be null) receives, per output, the flat index h*W*C + w*C + c of
// the chosen input inside its image, for the backward pass. Padding never wins.
template <typename T>
void maxpool2d_forward(const Pool2dShape& s, const T* x, T* y, int* argmax);
template <typename T>
void maxpool2d_backward(const Pool2dShape& s, const T* dy, const int* argmax, T* dx);
// Average pooling over the window's positions inside the image (padding is not counted).
template <typename T>
void avgpool2d_forward(const Pool2dShape& s, const T* x, T* y);
template <typename T>
void avgpool2d_backward(const Pool2dShape& s, const T* dy, T* dx);

}  // namespace tb
