import CVectorKernels

/// GELU in its exact form, x Phi(x) = x (1 + erf(x / sqrt 2)) / 2 (PyTorch's default), fused with
/// the bias add that precedes it, on rows of a matrix; optionally also its slope
/// Phi(x) + x phi(x) for the backward pass.
///
/// ```swift
/// // z: rows x width, pre-activations without bias; afterwards z = gelu(z + bias).
/// GELU.applyWithBias(z, bias: b, rows: 4, width: 128, slopes: nil)
/// ```
enum GELU {
    static let inverseSquareRootTwo: Float = 0.707_106_77
    static let inverseSquareRootTwoPi: Float = 0.398_942_3

    /// gelu(z) and its slope for eight lanes.
    @inline(__always)
    static func valueAndSlope(_ z: SIMD8<Float>) -> (value: SIMD8<Float>, slope: SIMD8<Float>) {
        let (erf, gaussian) = VectorErf.erfAndGaussian(z * inverseSquareRootTwo)
        let cdf = 0.5 * (1 + erf)
        return (z * cdf, cdf + z * gaussian * inverseSquareRootTwoPi)
    }

    /// gelu of one value (scalar reference path through the same code).
    static func value(_ z: Float) -> Float { valueAndSlope(SIMD8(repeating: z)).value[0] }

    /// d gelu / dz of one value.
    static func slope(_ z: Float) -> Float { valueAndSlope(SIMD8(repeating: z)).slope[0] }

    /// Whether the AVX2 + FMA kernel runs (x86-64 CPUs that have both): about twice the Swift
    /// path's speed, whose vectors are limited to the baseline SSE2 of the build. Results differ
    /// from the Swift path only by the rounding of fused multiply-adds (a few 1e-8).
    static let usesAVX2 = vk_has_avx2_fma() != 0

    /// z[r, j] = gelu(z[r, j] + bias[j]) for `rows` rows of `width`; when `slopes` is given it
    /// receives gelu'(z + bias) in the same layout.
    static func applyWithBias(_ z: UnsafeMutablePointer<Float>, bias: UnsafePointer<Float>, rows: Int, width: Int,
                              slopes: UnsafeMutablePointer<Float>?) {
        if usesAVX2 {
            vk_gelu_bias_avx2(z, bias, rows, width, slopes)
        } else {
            applyInSwift(z, bias: bias, rows: rows, width: width, slopes: slopes)
        }
    }

    /// ``applyWithBias(_:bias:rows:width:slopes:)`` in Swift (SIMD8 on the build's baseline vectors).
    static func applyInSwift(_ z: UnsafeMutablePointer<Float>, bias: UnsafePointer<Float>, rows: Int, width: Int,
                             slopes: UnsafeMutablePointer<Float>?) {
        if let slopes {
            apply(z, bias: bias, rows: rows, width: width, slopes: slopes, storesSlopes: StoresSlopes.self)
        } else {
            apply(z, bias: bias, rows: rows, width: width, slopes: z, storesSlopes: SkipsSlopes.self)
        }
    }

    /// Whether the loop stores slopes, as a type so each loop is compiled without the branch.
    protocol SlopeStorage { static var enabled: Bool { get } }
    enum StoresSlopes: SlopeStorage { static var enabled: Bool { true } }
    enum SkipsSlopes: SlopeStorage { static var enabled: Bool { false } }

    @inline(__always)
    private static func apply<S: SlopeStorage>(_ z: UnsafeMutablePointer<Float>, bias: UnsafePointer<Float>, rows: Int,
                                               width: Int, slopes: UnsafeMutablePointer<Float>, storesSlopes: S.Type) {
        let full = width & ~7
        for row in 0..<rows {
            let base = row * width
            var j = 0
            while j < full {
                let raw = UnsafeRawPointer(z + base + j).loadUnaligned(as: SIMD8<Float>.self)
                let b = UnsafeRawPointer(bias + j).loadUnaligned(as: SIMD8<Float>.self)
                let (value, slope) = valueAndSlope(raw + b)
                UnsafeMutableRawPointer(z + base + j).storeBytes(of: value, as: SIMD8<Float>.self)
                if S.enabled { UnsafeMutableRawPointer(slopes + base + j).storeBytes(of: slope, as: SIMD8<Float>.self) }
                j += 8
            }
            if full < width {
                var lanes = SIMD8<Float>(repeating: 0)
                for k in full..<width { lanes[k - full] = z[base + k] + bias[k] }
                let (value, slope) = valueAndSlope(lanes)
                for k in full..<width {
                    z[base + k] = value[k - full]
                    if S.enabled { slopes[base + k] = slope[k - full] }
                }
            }
        }
    }
}
