/// The maximum mean discrepancy with a sum of seven Gaussian kernels, brute force over all pairs.
///
/// ```swift
/// let distance = SampleQuality.mmd(generated, data)   // 0 for identical sets
/// ```
extension SampleQuality {
    /// The (biased, V-statistic) MMD: sqrt(mean k(x,x') + mean k(y,y') - 2 mean k(x,y)) with the
    /// kernel k = mean over ``mmdBandwidths`` of exp(-|a - b|² / 2 sigma²). 0 for identical sets;
    /// NaN if either set has non-finite values or no rows.
    public static func mmd(_ x: SampleBatch, _ y: SampleBatch, parallelism: Parallelism = .automatic) -> Float {
        guard x.count > 0, y.count > 0, x.dimension == 2, y.dimension == 2, x.isFinite, y.isFinite else { return .nan }
        let xx = meanKernel(x, x, parallelism), yy = meanKernel(y, y, parallelism), xy = meanKernel(x, y, parallelism)
        return Float(max(0, xx + yy - 2 * xy).squareRoot())
    }

    /// Mean of the multi-width kernel over all pairs (a in `a`, b in `b`), summed row by row in a
    /// fixed order so the value does not depend on `parallelism`.
    static func meanKernel(_ a: SampleBatch, _ b: SampleBatch, _ parallelism: Parallelism) -> Double {
        let blocks = PointBlocks(b)
        var rowSums = [Double](repeating: 0, count: a.count)
        // e0 = exp(-d²/(2*2²)) in base 2; each squaring halves sigma² (sigma / sqrt 2).
        let factor = SIMD8<Float>(repeating: -FastExp.log2e / 8)
        a.values.withUnsafeBufferPointer { points in
            rowSums.withUnsafeMutableBufferPointer { sums in
                nonisolated(unsafe) let points = points
                nonisolated(unsafe) let sums = sums
                parallelism.forEachChunk(rows: a.count) { rows in
                    for row in rows {
                        let px = SIMD8<Float>(repeating: points[2 * row]), py = SIMD8<Float>(repeating: points[2 * row + 1])
                        var total = SIMD8<Float>.zero
                        for block in 0..<blocks.x.count {
                            let dx = px - blocks.x[block], dy = py - blocks.y[block]
                            var e = FastExp.exp2NonPositive(FastExp.clampedArgument((dx * dx + dy * dy) * factor))
                            var k = e
                            for _ in 1..<7 {
                                e = e * e
                                k += e
                            }
                            total += k * blocks.valid[block]
                        }
                        sums[row] = Double(total.sum()) / 7
                    }
                }
            }
        }
        return rowSums.reduce(0, +) / (Double(a.count) * Double(b.count))
    }
}
