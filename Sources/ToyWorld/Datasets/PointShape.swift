import Foundation

/// The datasets that are a noise-free shape plus isotropic Gaussian noise.
///
/// A point is `cleanPoint(u, v)` for two uniforms plus `noise` times a standard normal pair. The
/// kernel-density denoiser uses noise-free points as its reference set and `noise` as its default
/// bandwidth, so its density is the dataset's own distribution up to the discretization of the shape.
enum PointShape: Sendable {
    case twoMoons, swissRoll, circles, checkerboard, twoSpirals, letters

    /// Standard deviation of the Gaussian noise added to the clean shape.
    var noise: Float {
        switch self {
        case .twoMoons: return 0.06
        case .swissRoll, .circles, .twoSpirals: return 0.05
        case .checkerboard: return 0
        case .letters: return 0.035
        }
    }

    /// The kernel width of the default kernel-density denoiser.
    var defaultBandwidth: Float {
        self == .checkerboard ? 0.06 : noise
    }

    static let lettersPath = PolylinePath(StrokeFont.polylines(for: "DDIM"))

    /// A point of the noise-free shape for two uniforms in (0, 1).
    func cleanPoint(_ u: Float, _ v: Float) -> SIMD2<Float> {
        switch self {
        case .twoMoons:
            let upper = u < 0.5
            let t = Double(upper ? 2 * u : 2 * u - 1) * .pi
            let p = upper ? SIMD2(cos(t), sin(t)) : SIMD2(1 - cos(t), 0.5 - sin(t))
            return SIMD2(Float((p.x - 0.5) * 1.2), Float((p.y - 0.25) * 1.2))
        case .swissRoll:
            let t = 1.5 * .pi * (1 + 2 * Double(u))
            return SIMD2(Float(t * cos(t) / 6.5), Float(t * sin(t) / 6.5))
        case .circles:
            let outerShare: Float = 1.8 / 2.6     // points in proportion to circumference
            let radius: Double = u < outerShare ? 1.8 : 0.8
            let angle = 2 * .pi * Double(v)
            return SIMD2(Float(radius * cos(angle)), Float(radius * sin(angle)))
        case .checkerboard:
            let x = 4 * u - 2                     // column i = floor(x + 2)
            let column = min(3, max(0, Int((x + 2).rounded(.down))))
            let half = 2 * v
            let band = min(1, Int(half.rounded(.down)))
            let row = 2 * band + (column % 2)     // dark squares: row + column even
            return SIMD2(x, Float(row) - 2 + (half - Float(band)))
        case .twoSpirals:
            let first = u < 0.5
            let w = first ? 2 * u : 2 * u - 1
            let n = Double(w).squareRoot() * 3 * .pi
            let p = SIMD2(-cos(n) * n, sin(n) * n) / 4
            return first ? SIMD2(Float(p.x), Float(p.y)) : SIMD2(Float(-p.x), Float(-p.y))
        case .letters:
            return Self.lettersPath.point(at: u)
        }
    }

    /// `count` points of the dataset for `seed`: point i uses uniforms 2i, 2i+1 of Philox stream
    /// `choice` and normals 2i, 2i+1 of stream `normal`.
    func sample(count: Int, seed: UInt64, noise: Float) -> SampleBatch {
        let n = max(0, count)
        let uniforms = PhiloxGenerator(seed: seed, stream: DataStreams.choice)
        var normals = PhiloxGenerator(seed: seed, stream: DataStreams.normal)
        var values = normals.normals(count: 2 * n)
        for i in 0..<n {
            let p = cleanPoint(uniforms.uniform(at: UInt64(2 * i)), uniforms.uniform(at: UInt64(2 * i + 1)))
            values[2 * i] = p.x + noise * values[2 * i]
            values[2 * i + 1] = p.y + noise * values[2 * i + 1]
        }
        return SampleBatch(count: n, dimension: 2, values: values)
    }
}
