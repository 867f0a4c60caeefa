// AVX2 + FMA kernels for the Learned module's element-wise work, chosen at run time.
// Swift cannot compile single functions for a wider instruction set than the whole build, so
// these few loops live in C with per-function target attributes; on other CPUs (and other
// architectures) the Swift implementations with the same polynomials run instead.
#ifndef CVECTORKERNELS_H
#define CVECTORKERNELS_H

/// 1 when this CPU runs AVX2 and FMA instructions (x86-64 only), else 0.
int vk_has_avx2_fma(void);

/// z[r, j] = gelu(z[r, j] + bias[j]) for `rows` rows of `width` values; when `slopes` is not
/// NULL it receives gelu'(z + bias) in the same layout. Call only when vk_has_avx2_fma() is 1.
void vk_gelu_bias_avx2(float *z, const float *bias, long rows, long width, float *slopes);

#endif
