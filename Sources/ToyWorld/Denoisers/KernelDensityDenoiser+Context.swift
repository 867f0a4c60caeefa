extension KernelDensityDenoiser {
    /// Everything one evaluation needs, shared read-only by the worker threads, and the per-row
    /// weighted mean of the reference points.
    ///
    /// Per row, with P = k x and U_j = k a y_j, the log2-weights are -d_j, d_j = |P - U_j|². Let r
    /// be the distance from P to the centre of the box around all U_j and R the box's half
    /// diagonal: every d_j lies in [max(0, r - R)², (r + R)²]. Each row takes one of two paths.
    ///
    /// - The span (r + R)² - max(0, r - R)² is at most ``skipMargin`` (mid and high noise, or a
    ///   point near the references): no reference is negligible, and all weights lie within 2^±44
    ///   of each other. ``ExpandedKernelSums`` sums them without clamp, shift or skipping.
    ///
    /// - Otherwise (low noise, or a point far out) some blocks may be negligible. One pass over the
    ///   blocks accumulates 2^(m - d_j) and sum 2^(m - d_j) y_j with a reference distance m taken
    ///   from the block whose bounding box is nearest, instead of a first pass for the exact
    ///   maximum. A block whose box is more than ``skipMargin`` beyond m (a lower bound of its d_j,
    ///   computed exactly from the box) is skipped. Since m is at least the smallest d_j, each
    ///   skipped weight is below 2^-44 (about e^-30.5) of the largest one, so skipping changes the
    ///   result only far below float precision (2,000 such points move the sums by under 1e-10
    ///   relative). Exponents below -100 are clamped (2^-100 is nothing next to the largest
    ///   weight, at least 1) and, when m > 100, above 100; if the total weight exceeds 2^64 (m was
    ///   far above the nearest point), the row is summed once more with m set to the smallest d_j.
    ///
    /// Which path a row takes, and which blocks it skips, depends only on the row, never on the
    /// chunking.
    struct Context: Sendable {
        let centreX: Float, centreY: Float, radius: Float   // the box around all U_j
        let scale: Float                                     // k
        let blocks: Int
        let quads: Int                                       // of the expanded table
        let signal: Float, noise: Float, kernelVariance: Float, totalVariance: Float
        let references: SampleBatch

        /// Blocks whose box lies further than this (in log2-weight) beyond m are skipped; rows
        /// whose distances span at most this take the expanded path.
        static let skipMargin: Float = 44

        func evaluate(rows: Range<Int>, input: UnsafeBufferPointer<Float>,
                      data: UnsafeBufferPointer<SIMD8<Float>>, boxes: UnsafeBufferPointer<SIMD8<Float>>,
                      expanded: UnsafeBufferPointer<SIMD4<Float>>,
                      x0: UnsafeMutableBufferPointer<Float>, eps: UnsafeMutableBufferPointer<Float>) {
            let inverseC = 1 / totalVariance
            let pull = signal * kernelVariance * inverseC
            let groups = boxes.count / 4
            withUnsafeTemporaryAllocation(of: SIMD8<Float>.self, capacity: Swift.max(1, groups)) { lowerBounds in
                let bounds = UnsafeMutableRawPointer(lowerBounds.baseAddress!).assumingMemoryBound(to: Float.self)
                for row in rows {
                    let px = input[2 * row], py = input[2 * row + 1]
                    // The centred, scaled point and the span (r + R)² - max(0, r - R)² of its squared
                    // distances to the box, in a form that cannot cancel; an overflowing or NaN span
                    // (a point astronomically far away, or not finite) takes the pruned path.
                    let cx = px * scale - centreX, cy = py * scale - centreY
                    let r = (cx * cx + cy * cy).squareRoot()
                    let span = r < radius ? (r + radius) * (r + radius) : 4 * r * radius
                    let mean: SIMD2<Float>?
                    if span <= Self.skipMargin {
                        let (total, sumX, sumY) = ExpandedKernelSums.sums(cx, cy, table: expanded.baseAddress!, quads: quads)
                        mean = SIMD2(sumX / total, sumY / total)
                    } else {
                        mean = Self.prunedMean(px * scale, py * scale, data, boxes, bounds, blocks: blocks)
                    }
                    let m = mean ?? nearestReference(px, py)
                    let rx = px - signal * m.x, ry = py - signal * m.y
                    x0[2 * row] = m.x + pull * rx
                    x0[2 * row + 1] = m.y + pull * ry
                    eps[2 * row] = noise * rx * inverseC
                    eps[2 * row + 1] = noise * ry * inverseC
                }
            }
        }

        /// sum_j r_j y_j with r_j proportional to 2^(-|P - U_j|²), skipping negligible blocks, or
        /// nil when the weights cannot be formed in float (a point astronomically far away at
        /// almost no noise).
        @inline(__always)
        static func prunedMean(_ px: Float, _ py: Float, _ data: UnsafeBufferPointer<SIMD8<Float>>,
                               _ boxes: UnsafeBufferPointer<SIMD8<Float>>, _ bounds: UnsafeMutablePointer<Float>,
                               blocks: Int) -> SIMD2<Float>? {
            let start = nearestBoxBlock(px, py, boxes, bounds, blocks: blocks)
            let sums = PrunedSums(px: px, py: py, data: data.baseAddress!, bounds: bounds, blocks: blocks)
            var m = sums.distances(start).min()
            var (total, sumX, sumY) = sums.sums(m)
            var t = total.sum()
            if !(t <= 0x1p64) {
                // Rare: some point is far nearer than m (the first block was not near it), or the
                // row is not finite. Sum again with m = the smallest distance (so the largest
                // weight is 1), found in an extra pass over the same blocks.
                m = sums.nearestDistance(beyond: m)
                guard m.isFinite else { return nil }
                (total, sumX, sumY) = sums.sums(m)
                t = total.sum()
            }
            guard m.isFinite, t.isFinite, t > 0 else { return nil }
            return SIMD2(sumX.sum() / t, sumY.sum() / t)
        }

        /// Writes a lower bound of every block's distances to `bounds` and returns the block whose
        /// box is nearest to P.
        @inline(__always)
        static func nearestBoxBlock(_ px: Float, _ py: Float, _ boxes: UnsafeBufferPointer<SIMD8<Float>>,
                                    _ bounds: UnsafeMutablePointer<Float>, blocks: Int) -> Int {
            let x = SIMD8<Float>(repeating: px), y = SIMD8<Float>(repeating: py)
            var bestBound = SIMD8<Float>(repeating: .infinity), bestGroup = SIMD8<Float>(repeating: 0)
            for g in 0..<boxes.count / 4 {
                let gx = Self.positivePart(Self.larger(boxes[4 * g] - x, x - boxes[4 * g + 1]))
                let gy = Self.positivePart(Self.larger(boxes[4 * g + 2] - y, y - boxes[4 * g + 3]))
                let bound = gx * gx + gy * gy
                UnsafeMutableRawPointer(bounds + 8 * g).storeBytes(of: bound, as: SIMD8<Float>.self)
                let better = bound .< bestBound
                bestBound.replace(with: bound, where: better)
                bestGroup.replace(with: SIMD8(repeating: Float(g)), where: better)
            }
            var lane = 0
            for l in 1..<8 where bestBound[l] < bestBound[lane] { lane = l }
            return Swift.min(blocks - 1, 8 * Int(bestGroup[lane]) + lane)
        }

        @inline(__always) static func larger(_ u: SIMD8<Float>, _ v: SIMD8<Float>) -> SIMD8<Float> {
            u.replacing(with: v, where: v .> u)
        }

        @inline(__always) static func positivePart(_ u: SIMD8<Float>) -> SIMD8<Float> {
            u.replacing(with: SIMD8<Float>.zero, where: u .< SIMD8<Float>.zero)
        }

        /// The reference point whose scaled copy a y_j is nearest to (px, py), compared in Double
        /// (the first one on ties; zero for NaN input).
        func nearestReference(_ px: Float, _ py: Float) -> SIMD2<Float> {
            var best = Double.infinity
            var result = SIMD2<Float>.zero
            let a = Double(signal)
            for index in 0..<references.count {
                // |x - a y|² - |x|², which keeps the differences between candidates even when |x| is huge.
                let ax = a * Double(references[index, 0]), ay = a * Double(references[index, 1])
                let d2 = ax * ax + ay * ay - 2 * (Double(px) * ax + Double(py) * ay)
                if d2 < best {
                    best = d2
                    result = SIMD2(references[index, 0], references[index, 1])
                }
            }
            return result
        }
    }
}
