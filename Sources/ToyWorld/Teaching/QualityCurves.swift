/// The DDIM paper's Table 1 as curves: sample quality (MMD against fresh data) against the step
/// count S for several noise settings, with the data's noise floor. It is computed one cell at a
/// time (``computeNext()``), so a worker can interleave it with other work and draw partial curves.
///
/// ```swift
/// var curves = try QualityCurves(settings: RunSettings(dataset: .twoMoons, count: 1000))
/// while !curves.isComplete { try curves.computeNext() }
/// let eta0 = curves.values[0]          // MMD at each of curves.stepCounts, eta = 0
/// ```
public struct QualityCurves: Sendable {
    /// The run everything else is varied from (dataset, model, count, seed, schedule).
    public let settings: RunSettings
    /// The curves: one noise setting each.
    public let rows: [NoiseSetting]
    /// The x axis: step counts S.
    public let stepCounts: [Int]
    /// values[row][column]: the MMD of that setting at that step count; nil until computed.
    public private(set) var values: [[Float?]]
    /// The first error a run threw, with the cell that threw it (the cell stays nil).
    public private(set) var failure: String?
    /// MMD between two independent data samples of the run's size: what a perfect sampler scores.
    public var noiseFloor: Float { reference.noiseFloor }

    private let reference: SampleQuality.Reference
    private let denoiser: any Denoiser
    private var nextIndex = 0

    /// eta 0, 0.5, 1 and σ̂: the curves a class compares.
    public static let defaultRows: [NoiseSetting] = [.eta(0), .eta(0.5), .eta(1), .sigmaHat]
    /// Step counts from 2 to 200, roughly evenly spaced on a log scale.
    public static let defaultStepCounts = [2, 5, 10, 20, 50, 100, 200]

    /// Curves for `settings` (its eta and step count are replaced per cell); the model is built
    /// once. The reference data sample is drawn from the seed, independently of the runs' noise.
    public init(settings: RunSettings, rows: [NoiseSetting] = defaultRows, stepCounts: [Int] = defaultStepCounts,
                parallelism: Parallelism = .automatic) throws {
        self.settings = settings
        self.rows = rows
        self.stepCounts = stepCounts
        values = Array(repeating: Array(repeating: nil, count: stepCounts.count), count: rows.count)
        reference = SampleQuality.Reference(dataset: settings.makeDataset(), count: settings.count,
                                            seed: settings.seed &+ PaperTables.referenceSeedOffset, parallelism: parallelism)
        denoiser = try settings.makeDenoiser(parallelism: parallelism)
    }

    /// Number of cells, and how many are done.
    public var cellCount: Int { rows.count * stepCounts.count }
    public var completedCells: Int { nextIndex }
    public var isComplete: Bool { nextIndex >= cellCount }

    /// Samples and scores the next cell (row by row, fewest steps first). A run that throws leaves
    /// its cell nil and records ``failure``; the next call goes on with the next cell.
    public mutating func computeNext() throws {
        guard !isComplete else { return }
        let row = nextIndex / stepCounts.count, column = nextIndex % stepCounts.count
        nextIndex += 1
        var run = rows[row].applied(to: settings)
        run.steps = stepCounts[column]
        do {
            var chain = try SamplingChain(settings: run, denoiser: denoiser, keepsHistory: false)
            try chain.runToEnd()
            values[row][column] = reference.evaluate(chain.current).mmd
        } catch {
            if failure == nil { failure = "\(rows[row]), \(stepCounts[column]) steps: \(error)" }
        }
    }

    /// The computed points of row `row` as (S, MMD) pairs.
    public func points(row: Int) -> [(steps: Int, mmd: Float)] {
        zip(stepCounts, values[row]).compactMap { steps, value in value.map { (steps, $0) } }
    }
}
