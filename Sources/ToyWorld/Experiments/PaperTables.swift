import Foundation

/// A two-sample distance between generated points and data points (smaller is better).
public struct SampleMetric: Sendable {
    /// Short name for table headers, e.g. "MMD".
    public var name: String
    /// The distance between two point sets.
    public var distance: @Sendable (SampleBatch, SampleBatch) -> Double

    public init(name: String, distance: @escaping @Sendable (SampleBatch, SampleBatch) -> Double) {
        self.name = name
        self.distance = distance
    }
}

/// A row of the DDIM paper's Table 1: a noise setting of the sampler.
public enum NoiseSetting: Sendable, Hashable, CustomStringConvertible {
    /// eta-scaled DDIM noise (0 = deterministic DDIM, 1 = DDPM's posterior variance).
    case eta(Float)
    /// The paper's large-variance sigma-hat (DDPM's other variance choice).
    case sigmaHat

    /// The paper's rows: eta = 0, 0.2, 0.5, 1 and sigma-hat.
    public static let paperRows: [NoiseSetting] = [.eta(0), .eta(0.2), .eta(0.5), .eta(1), .sigmaHat]

    public var description: String {
        switch self {
        case .eta(let eta): return "eta = \(eta)"
        case .sigmaHat: return "sigma-hat"
        }
    }

    /// `settings` with this noise setting applied.
    public func applied(to settings: RunSettings) -> RunSettings {
        var result = settings
        switch self {
        case .eta(let eta):
            result.eta = eta
            result.configuration.varianceKind = .ddim
        case .sigmaHat:
            result.eta = 1
            result.configuration.varianceKind = .largeSigmaHat
        }
        return result
    }
}

/// One cell of the generation table.
public struct GenerationCell: Sendable, Equatable {
    public var steps: Int
    /// The metric between the generated points and an independent data sample of the same size,
    /// averaged over the repeats.
    public var distance: Double
    /// Standard error of ``distance`` over the repeats (0 for a single repeat).
    public var standardError: Double
    /// Wall time of a sampling run divided by the number of points, averaged over the repeats.
    public var secondsPerSample: Double
}

/// The DDIM paper's Table 1 on toy data: sample quality for each noise setting and step count.
public struct GenerationTable: Sendable {
    public var metricName: String
    public var stepCounts: [Int]
    public var rows: [(setting: NoiseSetting, cells: [GenerationCell])]
    /// The metric between two independent data samples of the sample size (the best a sampler can show),
    /// averaged over the repeats.
    public var noiseFloor: Double
    /// Standard error of ``noiseFloor`` over the repeats.
    public var noiseFloorStandardError: Double
    public var sampleCount: Int
    /// Independent runs (seeds `seed`, `seed + 1`, ...) averaged in each cell.
    public var repeats: Int
}

/// The DDIM paper's Table 2 on toy data: x0 -> x_T (DDIM inversion) -> x0 (DDIM, eta = 0).
public struct ReconstructionTable: Sendable {
    public var stepCounts: [Int]
    /// Mean squared error per coordinate between the original and the reconstructed points.
    public var meanSquaredErrors: [Double]
    /// Wall time of inversion plus decoding, per point.
    public var secondsPerSample: [Double]
    public var sampleCount: Int
}

/// The computations behind `ddim-explorer table`.
///
/// ```swift
/// var settings = RunSettings()
/// settings.count = 500
/// let table1 = try PaperTables.generation(settings: settings, stepCounts: [10, 50], metric: metric)
/// let table2 = try PaperTables.reconstruction(settings: settings, stepCounts: [10, 100])
/// ```
public enum PaperTables {
    /// The paper's columns for Table 1 and Table 2.
    public static let generationStepCounts = [10, 20, 50, 100, 1000]
    public static let reconstructionStepCounts = [10, 20, 50, 100, 200, 500, 1000]

    /// Seed offsets that keep the reference samples independent of the sampler's noise.
    static let referenceSeedOffset: UInt64 = 0x5EED_0001
    static let floorSeedOffset: UInt64 = 0x5EED_0002

    /// Runs the sampler of `settings` for every noise setting and step count and measures each result
    /// against an independent data sample; every cell averages `repeats` runs with seeds `seed`, `seed + 1`, ...
    /// (each with its own reference sample). `progress` is called after each run with (done, total).
    public static func generation(settings: RunSettings, rows: [NoiseSetting] = NoiseSetting.paperRows,
                                  stepCounts: [Int] = generationStepCounts, repeats: Int = 1, metric: SampleMetric,
                                  progress: (Int, Int) -> Void = { _, _ in }) throws -> GenerationTable {
        let dataset = settings.makeDataset()
        let repeatCount = max(1, repeats)
        let seeds = (0..<repeatCount).map { settings.seed &+ UInt64($0) }
        let references = seeds.map { dataset.sample(count: settings.count, seed: $0 &+ referenceSeedOffset) }
        let floors = seeds.indices.map { index in
            metric.distance(dataset.sample(count: settings.count, seed: seeds[index] &+ floorSeedOffset), references[index])
        }
        let total = rows.count * stepCounts.count * repeatCount
        var done = 0
        var table: [(setting: NoiseSetting, cells: [GenerationCell])] = []
        for setting in rows {
            var cells: [GenerationCell] = []
            for steps in stepCounts {
                var distances: [Double] = [], seconds: [Double] = []
                for (index, seed) in seeds.enumerated() {
                    var run = setting.applied(to: settings)
                    run.steps = steps
                    run.seed = seed
                    var chain = try SamplingChain(settings: run)
                    let start = DispatchTime.now().uptimeNanoseconds
                    try chain.runToEnd()
                    seconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 / Double(max(1, settings.count)))
                    distances.append(metric.distance(chain.current, references[index]))
                    done += 1
                    progress(done, total)
                }
                cells.append(GenerationCell(steps: steps, distance: mean(distances), standardError: standardError(distances),
                                            secondsPerSample: mean(seconds)))
            }
            table.append((setting, cells))
        }
        return GenerationTable(metricName: metric.name, stepCounts: stepCounts, rows: table, noiseFloor: mean(floors),
                               noiseFloorStandardError: standardError(floors), sampleCount: settings.count,
                               repeats: repeatCount)
    }

    static func mean(_ values: [Double]) -> Double {
        values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count)
    }

    /// Standard error of the mean (sample standard deviation / sqrt(n)); 0 for fewer than two values.
    static func standardError(_ values: [Double]) -> Double {
        guard values.count > 1 else { return 0 }
        let average = mean(values)
        let variance = values.map { ($0 - average) * ($0 - average) }.reduce(0, +) / Double(values.count - 1)
        return (variance / Double(values.count)).squareRoot()
    }

    /// Encodes data points with DDIM inversion and decodes them back with DDIM (eta = 0) for each step count.
    public static func reconstruction(settings: RunSettings, stepCounts: [Int] = reconstructionStepCounts,
                                      progress: (Int, Int) -> Void = { _, _ in }) throws -> ReconstructionTable {
        let dataset = settings.makeDataset()
        let original = dataset.sample(count: settings.count, seed: settings.seed &+ referenceSeedOffset)
        let denoiser = try settings.makeDenoiser()
        var errors: [Double] = [], times: [Double] = []
        for (index, steps) in stepCounts.enumerated() {
            let start = DispatchTime.now().uptimeNanoseconds
            var inverse = try DDIMInverseScheduler(configuration: settings.configuration)
            try inverse.setTimesteps(steps)
            let latents = try DeterministicChain.run(inverse, denoiser: denoiser, from: original)
            var forward = try DDIMScheduler(configuration: settings.configuration)
            try forward.setTimesteps(steps)
            let decoded = try DeterministicChain.run(forward, denoiser: denoiser, from: latents)
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 / Double(max(1, settings.count)))
            errors.append(meanSquaredError(original, decoded))
            progress(index + 1, stepCounts.count)
        }
        return ReconstructionTable(stepCounts: stepCounts, meanSquaredErrors: errors, secondsPerSample: times,
                                   sampleCount: settings.count)
    }

    /// Mean over all values of the squared difference (infinite when shapes differ or a value is not finite).
    public static func meanSquaredError(_ a: SampleBatch, _ b: SampleBatch) -> Double {
        guard a.hasSameShape(as: b), !a.values.isEmpty else { return .infinity }
        var sum = 0.0
        for (x, y) in zip(a.values, b.values) {
            let difference = Double(x) - Double(y)
            sum += difference * difference
        }
        return sum.isFinite ? sum / Double(a.values.count) : .infinity
    }
}
