/// Precision and recall of generated points (after Kynkäänniemi et al. 2019), brute force over
/// all pairs, eight points per SIMD vector.
///
/// ```swift
/// let pr = SampleQuality.precisionRecall(generated: points, data: reference)
/// print(pr.precision, pr.recall)
/// ```
extension SampleQuality {
    /// Precision and recall of generated points against data points.
    public struct PrecisionRecall: Sendable, Equatable {
        /// Share of generated points within the k-NN radius of at least one data point.
        public var precision: Float
        /// Share of data points within the k-NN radius of at least one generated point.
        public var recall: Float
    }

    /// Precision (generated points that land inside the data's k-nearest-neighbour balls) and
    /// recall (data points inside the generated points' balls). Each point's ball reaches its
    /// `neighbours`-th nearest other point of its own set. Non-finite generated points count as misses.
    public static func precisionRecall(generated: SampleBatch, data: SampleBatch, neighbours: Int = defaultNeighbours,
                                       parallelism: Parallelism = .automatic) -> PrecisionRecall {
        guard generated.count > 0, data.count > 0, generated.dimension == 2, data.dimension == 2 else {
            return PrecisionRecall(precision: 0, recall: 0)
        }
        let dataRadii = neighbourRadii(data, k: neighbours, parallelism)
        let generatedRadii = neighbourRadii(generated, k: neighbours, parallelism)
        return PrecisionRecall(
            precision: coveredShare(of: generated, by: data, radii: dataRadii, parallelism),
            recall: coveredShare(of: data, by: generated, radii: generatedRadii, parallelism))
    }

    /// Squared distance from each point to its k-th nearest other point (infinite if it has fewer neighbours).
    static func neighbourRadii(_ points: SampleBatch, k: Int, _ parallelism: Parallelism) -> [Float] {
        let k = max(1, k)
        let v = points.values
        var radii = [Float](repeating: .infinity, count: points.count)
        radii.withUnsafeMutableBufferPointer { out in
            nonisolated(unsafe) let out = out
            parallelism.forEachChunk(rows: points.count) { rows in
                var best = [Float](repeating: .infinity, count: k)   // ascending
                for i in rows {
                    for slot in 0..<k { best[slot] = .infinity }
                    let px = v[2 * i], py = v[2 * i + 1]
                    for j in 0..<points.count where j != i {
                        let dx = px - v[2 * j], dy = py - v[2 * j + 1]
                        let d2 = dx * dx + dy * dy
                        if d2 < best[k - 1] {
                            var slot = k - 1
                            while slot > 0 && best[slot - 1] > d2 {
                                best[slot] = best[slot - 1]
                                slot -= 1
                            }
                            best[slot] = d2
                        }
                    }
                    out[i] = best[k - 1]
                }
            }
        }
        return radii
    }

    /// Share of `points` within sqrt(radii[j]) of some centre j.
    static func coveredShare(of points: SampleBatch, by centres: SampleBatch, radii: [Float],
                             _ parallelism: Parallelism) -> Float {
        let blocks = PointBlocks(centres)
        var paddedRadii = [SIMD8<Float>](repeating: SIMD8(repeating: -1), count: blocks.x.count)
        for (j, r) in radii.enumerated() { paddedRadii[j / 8][j % 8] = r }
        let radiusBlocks = paddedRadii
        var hits = [UInt8](repeating: 0, count: points.count)
        points.values.withUnsafeBufferPointer { v in
            hits.withUnsafeMutableBufferPointer { out in
                nonisolated(unsafe) let v = v
                nonisolated(unsafe) let out = out
                parallelism.forEachChunk(rows: points.count) { rows in
                    for i in rows {
                        let px = SIMD8<Float>(repeating: v[2 * i]), py = SIMD8<Float>(repeating: v[2 * i + 1])
                        for block in 0..<blocks.x.count {
                            let dx = px - blocks.x[block], dy = py - blocks.y[block]
                            if any(dx * dx + dy * dy .<= radiusBlocks[block]) {
                                out[i] = 1
                                break
                            }
                        }
                    }
                }
            }
        }
        return Float(hits.reduce(0) { $0 + Int($1) }) / Float(points.count)
    }
}
