import Foundation

/// How close generated points are to a dataset, cheap enough to update live.
///
/// - ``mmd(_:_:parallelism:)``: the maximum mean discrepancy with a sum of seven Gaussian (RBF)
///   kernels of fixed widths 0.25 ... 2 (a factor sqrt 2 apart). It is 0 for identical point sets
///   and grows as the two distributions differ, at any scale from single clusters to the whole shape.
/// - ``noiseFloor(of:count:seed:)``: the same statistic between two independent samples of the data
///   of the same size, i.e. what a perfect sampler would score; generated points cannot be told
///   apart from the data when their MMD is near it.
/// - ``precisionRecall(generated:data:neighbours:)``: the share of generated points that fall
///   inside the data's k-nearest-neighbour balls (quality), and the share of data points inside the
///   generated points' balls (coverage), after Kynkäänniemi et al. (2019).
///
/// ```swift
/// let report = SampleQuality.evaluate(generated: points, dataset: .builtin(.eightGaussians), seed: 0)
/// print(report.mmd, report.noiseFloor, report.precision, report.recall)
/// ```
public enum SampleQuality {
    /// The kernel widths sigma of the MMD: 2 / sqrt(2)^i for i = 0...6, that is 2 down to 0.25.
    public static let mmdBandwidths: [Float] = (0..<7).map { Float(2 / pow(2.0.squareRoot(), Double($0))) }

    /// The default number of neighbours that sets each point's radius in precision/recall.
    public static let defaultNeighbours = 3

    /// Everything the explorer and the `table` command show about one set of generated points.
    public struct Report: Sendable, Equatable {
        /// MMD between the generated points and a data sample of the same size.
        public var mmd: Float
        /// MMD between two independent data samples of that size.
        public var noiseFloor: Float
        /// Share of generated points near the data (0...1).
        public var precision: Float
        /// Share of data points near the generated points (0...1).
        public var recall: Float
        /// Number of generated points that were compared.
        public var count: Int
    }

    /// Compares `generated` with fresh samples of `dataset` of the same size. The data samples are
    /// drawn from `seed` (two of them, for the noise floor), so the report is reproducible.
    public static func evaluate(generated: SampleBatch, dataset: Dataset, seed: UInt64,
                                parallelism: Parallelism = .automatic) -> Report {
        Reference(dataset: dataset, count: generated.count, seed: seed, parallelism: parallelism)
            .evaluate(generated, parallelism: parallelism)
    }

    /// The data side of a report, computed once: a data sample, its kernel mean, its neighbour
    /// radii and the noise floor. Reuse it to score many generated sets of `count` points cheaply
    /// (for example after every step of a chain).
    ///
    /// ```swift
    /// let reference = SampleQuality.Reference(dataset: .builtin(.twoMoons), count: 1000, seed: 0)
    /// let report = reference.evaluate(chain.current)
    /// ```
    public struct Reference: Sendable {
        /// The data sample generated points are compared with.
        public let data: SampleBatch
        /// MMD between `data` and a second, independent data sample of the same size.
        public let noiseFloor: Float
        let dataKernelMean: Double
        let dataRadii: [Float]
        let neighbours: Int

        public init(dataset: Dataset, count: Int, seed: UInt64, neighbours: Int = defaultNeighbours,
                    parallelism: Parallelism = .automatic) {
            let seeds = dataSeeds(seed)
            let data = dataset.sample(count: count, seed: seeds.0)
            let other = dataset.sample(count: count, seed: seeds.1)
            self.data = data
            self.neighbours = neighbours
            if data.count > 0 {
                dataKernelMean = meanKernel(data, data, parallelism)
                let floorSquared = dataKernelMean + meanKernel(other, other, parallelism) - 2 * meanKernel(data, other, parallelism)
                noiseFloor = Float(max(0, floorSquared).squareRoot())
                dataRadii = neighbourRadii(data, k: neighbours, parallelism)
            } else {
                dataKernelMean = 0
                noiseFloor = .nan
                dataRadii = []
            }
        }

        /// MMD, noise floor, precision and recall of `generated` against ``data``.
        public func evaluate(_ generated: SampleBatch, parallelism: Parallelism = .automatic) -> Report {
            let valid = generated.count > 0 && generated.dimension == 2 && data.count > 0
            guard valid else { return Report(mmd: .nan, noiseFloor: noiseFloor, precision: 0, recall: 0, count: generated.count) }
            var mmd = Float.nan
            if generated.isFinite {
                let squared = meanKernel(generated, generated, parallelism) + dataKernelMean
                    - 2 * meanKernel(generated, data, parallelism)
                mmd = Float(max(0, squared).squareRoot())
            }
            let generatedRadii = neighbourRadii(generated, k: neighbours, parallelism)
            return Report(mmd: mmd, noiseFloor: noiseFloor,
                          precision: coveredShare(of: generated, by: data, radii: dataRadii, parallelism),
                          recall: coveredShare(of: data, by: generated, radii: generatedRadii, parallelism),
                          count: generated.count)
        }
    }

    /// MMD between two independent samples of `dataset` with `count` points each.
    public static func noiseFloor(of dataset: Dataset, count: Int, seed: UInt64,
                                  parallelism: Parallelism = .automatic) -> Float {
        let seeds = dataSeeds(seed)
        return mmd(dataset.sample(count: count, seed: seeds.0), dataset.sample(count: count, seed: seeds.1),
                   parallelism: parallelism)
    }

    /// The two data seeds used for a report with seed `seed` (distinct from each other and from `seed`).
    static func dataSeeds(_ seed: UInt64) -> (UInt64, UInt64) {
        (seed ^ 0x5EED_DA7A_0000_0001, seed ^ 0x5EED_DA7A_0000_0002)
    }

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

/// Points in blocks of eight lanes, with a 0/1 mask for the padding of the last block.
struct PointBlocks: Sendable {
    var x: [SIMD8<Float>] = [], y: [SIMD8<Float>] = [], valid: [SIMD8<Float>] = []

    init(_ batch: SampleBatch) {
        let blocks = (batch.count + 7) / 8
        x = .init(repeating: .zero, count: blocks)
        y = .init(repeating: .zero, count: blocks)
        valid = .init(repeating: .zero, count: blocks)
        for i in 0..<batch.count {
            x[i / 8][i % 8] = batch[i, 0]
            y[i / 8][i % 8] = batch[i, 1]
            valid[i / 8][i % 8] = 1
        }
    }
}
