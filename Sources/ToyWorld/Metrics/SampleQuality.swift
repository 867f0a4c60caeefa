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
}
