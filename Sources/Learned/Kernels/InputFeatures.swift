import Foundation

/// Builds the network's input rows, [x, y, Fourier features, time embedding] (see ``ToyMLP``).
///
/// The Fourier frequencies are 2^k pi/4 (the float nearest pi/4, as torch's `math.pi / 4` gives,
/// scaled by a power of two, so exact; `Float.pi` is rounded toward zero, one ulp below); the
/// timestep frequencies exp(-ln(10000) i / h) are computed in double precision and rounded once
/// to float. Angles are float products, their sines and cosines come from ``VectorSine``.
///
/// ```swift
/// let features = InputFeatures(architecture: .default)
/// features.timeEmbedding(timestep: 999)     // 32 values: 16 sines, then 16 cosines
/// ```
struct InputFeatures: Sendable {
    let fourierCount: Int
    let embeddingWidth: Int
    /// 2^k pi/4 for k in 0..<F.
    let fourierScales: [Float]
    /// exp(-ln(10000) i / h) for i in 0..<h, h = D/2.
    let timeFrequencies: [Float]

    init(architecture: MLPArchitecture) {
        fourierCount = architecture.fourierFeatures
        embeddingWidth = architecture.timeEmbedding
        fourierScales = (0..<architecture.fourierFeatures).map { Float(Double.pi / 4) * Float(sign: .plus, exponent: $0, significand: 1) }
        let half = architecture.timeEmbedding / 2
        timeFrequencies = (0..<half).map { Float(exp(-log(10_000.0) * Double($0) / Double(half))) }
    }

    /// Width of the spatial part of a row: x, y and 4F features.
    var spatialWidth: Int { 2 + 4 * fourierCount }

    /// Scratch values ``writeSpatial(points:rows:into:stride:scratch:)`` and
    /// ``writeTimeEmbedding(timesteps:rows:into:stride:offset:scratch:)`` need for `rows` rows.
    func scratchCount(rows: Int) -> Int {
        3 * rows * max(2 * fourierCount, embeddingWidth / 2, 1)
    }

    /// Writes x, y and the Fourier features of `rows` points (row-major pairs) into the first
    /// ``spatialWidth`` columns of rows `stride` values apart.
    func writeSpatial(points: UnsafePointer<Float>, rows: Int, into output: UnsafeMutablePointer<Float>, stride: Int,
                      scratch: UnsafeMutablePointer<Float>) {
        let angleCount = 2 * fourierCount
        for row in 0..<rows {
            output[row * stride] = points[2 * row]
            output[row * stride + 1] = points[2 * row + 1]
        }
        guard angleCount > 0 else { return }
        let angles = scratch, sines = scratch + rows * angleCount, cosines = sines + rows * angleCount
        fourierScales.withUnsafeBufferPointer { scales in
            for row in 0..<rows {
                for c in 0..<2 {
                    let coordinate = points[2 * row + c]
                    for k in 0..<fourierCount { angles[row * angleCount + c * fourierCount + k] = coordinate * scales[k] }
                }
            }
        }
        VectorSine.fill(angles, count: rows * angleCount, sines: sines, cosines: cosines)
        for row in 0..<rows {
            let destination = output + row * stride + 2
            destination.update(from: sines + row * angleCount, count: angleCount)
            (destination + angleCount).update(from: cosines + row * angleCount, count: angleCount)
        }
    }

    /// Writes the time embedding of each row's timestep into columns `offset ..< offset + D`.
    func writeTimeEmbedding(timesteps: UnsafePointer<Int32>, rows: Int, into output: UnsafeMutablePointer<Float>,
                            stride: Int, offset: Int, scratch: UnsafeMutablePointer<Float>) {
        let half = embeddingWidth / 2
        guard half > 0 else { return }
        let angles = scratch, sines = scratch + rows * half, cosines = sines + rows * half
        timeFrequencies.withUnsafeBufferPointer { frequencies in
            for row in 0..<rows {
                let t = Float(timesteps[row])
                for i in 0..<half { angles[row * half + i] = t * frequencies[i] }
            }
        }
        VectorSine.fill(angles, count: rows * half, sines: sines, cosines: cosines)
        for row in 0..<rows {
            let destination = output + row * stride + offset
            destination.update(from: sines + row * half, count: half)
            (destination + half).update(from: cosines + row * half, count: half)
        }
    }

    /// The D-value time embedding of one timestep: sines, then cosines.
    func timeEmbedding(timestep: Int) -> [Float] {
        var embedding = [Float](repeating: 0, count: embeddingWidth)
        var scratch = [Float](repeating: 0, count: scratchCount(rows: 1))
        var t = Int32(clamping: timestep)
        embedding.withUnsafeMutableBufferPointer { out in
            scratch.withUnsafeMutableBufferPointer { s in
                guard let output = out.baseAddress, let scratch = s.baseAddress else { return }
                writeTimeEmbedding(timesteps: &t, rows: 1, into: output, stride: embeddingWidth, offset: 0, scratch: scratch)
            }
        }
        return embedding
    }
}
