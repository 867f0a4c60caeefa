// GELU (exact erf form) fused with a bias add, eight lanes with FMA. The polynomials are the
// ones documented in Sources/Learned/Kernels/VectorErf.swift (same coefficients, same ranges);
// only the rounding of the fused multiply-adds differs from the Swift path.
#include "CVectorKernels.h"

#if defined(__x86_64__)
#include <immintrin.h>

int vk_has_avx2_fma(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
}

#define TARGET __attribute__((target("avx2,fma")))

// erf(u) and e^(-u^2), lane by lane.
TARGET static inline void erf_and_gaussian(__m256 u, __m256 *erf, __m256 *gaussian) {
    const __m256 sign_mask = _mm256_set1_ps(-0.0f), one = _mm256_set1_ps(1.0f);
    const __m256 magic = _mm256_set1_ps(12582912.0f);
    __m256 sign = _mm256_and_ps(u, sign_mask);
    __m256 a = _mm256_andnot_ps(sign_mask, u);
    __m256 square = _mm256_mul_ps(u, u);
    // e^(-min(u^2, 80)): x = k ln 2 + r, a degree-5 polynomial for e^r, 2^k from the exponent bits.
    __m256 x = _mm256_sub_ps(_mm256_setzero_ps(), _mm256_min_ps(square, _mm256_set1_ps(80.0f)));
    __m256 shifted = _mm256_fmadd_ps(x, _mm256_set1_ps(1.44269504f), magic);
    __m256 k = _mm256_sub_ps(shifted, magic);
    __m256 r = _mm256_fnmadd_ps(k, _mm256_set1_ps(0.693145751953125f), x);
    r = _mm256_fnmadd_ps(k, _mm256_set1_ps(1.428606765330187e-6f), r);
    __m256 p = _mm256_set1_ps(8.2975943e-3f);
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(4.1915346e-2f));
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(0.16667575f));
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(0.49998894f));
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(0.9999997f));
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(1.0000001f));
    __m256i exponent = _mm256_sub_epi32(_mm256_castps_si256(shifted), _mm256_castps_si256(magic));
    __m256 scale = _mm256_castsi256_ps(_mm256_slli_epi32(_mm256_add_epi32(exponent, _mm256_set1_epi32(127)), 23));
    __m256 g = _mm256_mul_ps(p, scale);
    // |u| < 1: |u| P(u^2).
    __m256 s = _mm256_set1_ps(-5.6313898e-4f);
    s = _mm256_fmadd_ps(s, square, _mm256_set1_ps(4.9175457e-3f));
    s = _mm256_fmadd_ps(s, square, _mm256_set1_ps(-2.6711307e-2f));
    s = _mm256_fmadd_ps(s, square, _mm256_set1_ps(0.1128018f));
    s = _mm256_fmadd_ps(s, square, _mm256_set1_ps(-0.37612325f));
    s = _mm256_fmadd_ps(s, square, _mm256_set1_ps(1.1283791f));
    __m256 small = _mm256_mul_ps(a, s);
    // |u| >= 1: 1 - e^(-u^2) Q(1/|u|).
    __m256 t = _mm256_div_ps(one, _mm256_max_ps(_mm256_min_ps(a, _mm256_set1_ps(4.0f)), one));
    __m256 q = _mm256_set1_ps(-1.6681425e-2f);
    q = _mm256_fmadd_ps(q, t, _mm256_set1_ps(0.11581498f));
    q = _mm256_fmadd_ps(q, t, _mm256_set1_ps(-0.3457644f));
    q = _mm256_fmadd_ps(q, t, _mm256_set1_ps(0.5678504f));
    q = _mm256_fmadd_ps(q, t, _mm256_set1_ps(-0.50156397f));
    q = _mm256_fmadd_ps(q, t, _mm256_set1_ps(4.9616467e-2f));
    q = _mm256_fmadd_ps(q, t, _mm256_set1_ps(0.55797857f));
    q = _mm256_fmadd_ps(q, t, _mm256_set1_ps(3.3297978e-4f));
    __m256 large = _mm256_fnmadd_ps(g, q, one);
    __m256 magnitude = _mm256_blendv_ps(small, large, _mm256_cmp_ps(a, one, _CMP_GE_OQ));
    *erf = _mm256_or_ps(magnitude, sign);
    *gaussian = g;
}

// gelu(v) and gelu'(v) = Phi(v) + v phi(v).
TARGET static inline void gelu_and_slope(__m256 v, __m256 *value, __m256 *slope) {
    __m256 erf, gaussian;
    erf_and_gaussian(_mm256_mul_ps(v, _mm256_set1_ps(0.70710677f)), &erf, &gaussian);
    __m256 half = _mm256_set1_ps(0.5f);
    __m256 cdf = _mm256_fmadd_ps(half, erf, half);
    *value = _mm256_mul_ps(v, cdf);
    *slope = _mm256_fmadd_ps(_mm256_mul_ps(v, gaussian), _mm256_set1_ps(0.3989423f), cdf);
}

TARGET void vk_gelu_bias_avx2(float *z, const float *bias, long rows, long width, float *slopes) {
    long full = width & ~7L;
    for (long row = 0; row < rows; row++) {
        float *line = z + row * width;
        float *slope_line = slopes ? slopes + row * width : 0;
        for (long j = 0; j < full; j += 8) {
            __m256 v = _mm256_add_ps(_mm256_loadu_ps(line + j), _mm256_loadu_ps(bias + j));
            __m256 value, slope;
            gelu_and_slope(v, &value, &slope);
            _mm256_storeu_ps(line + j, value);
            if (slope_line) _mm256_storeu_ps(slope_line + j, slope);
        }
        if (full < width) {
            float lanes[8] = {0}, values[8], slope_values[8];
            for (long j = full; j < width; j++) lanes[j - full] = line[j] + bias[j];
            __m256 value, slope;
            gelu_and_slope(_mm256_loadu_ps(lanes), &value, &slope);
            _mm256_storeu_ps(values, value);
            _mm256_storeu_ps(slope_values, slope);
            for (long j = full; j < width; j++) {
                line[j] = values[j - full];
                if (slope_line) slope_line[j] = slope_values[j - full];
            }
        }
    }
}

#else

int vk_has_avx2_fma(void) { return 0; }

void vk_gelu_bias_avx2(float *z, const float *bias, long rows, long width, float *slopes) {
    (void)z; (void)bias; (void)rows; (void)width; (void)slopes;
}

#endif
