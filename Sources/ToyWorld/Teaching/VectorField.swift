/// What a model does to the plane at one timestep: for every point of a grid, where the model
/// sends it. Arrows of it show the field a denoiser defines (the score, up to scale).
///
/// ```swift
/// let field = try VectorField(settings: RunSettings(dataset: .twoMoons), timestep: 500, kind: .denoised,
///                             xRange: -3...3, yRange: -3...3, columns: 20, rows: 10)
/// let (from, to) = field.arrow(3)     // grid point 3 and where the model sends it
/// ```
public struct VectorField: Sendable {
    /// Which displacement each arrow shows.
    public enum Kind: String, CaseIterable, Sendable {
        /// x̂0 − x_t: towards the clean point the model predicts (the whole way).
        case denoised
        /// x_{t-1} − x_t: one DDIM step (eta 0) from t with the run's step count.
        case step
    }

    /// The grid points x_t, row by row from the top left.
    public let positions: SampleBatch
    /// One displacement per grid point.
    public let displacements: SampleBatch
    public let columns: Int
    public let rows: Int
    public let timestep: Int
    public let kind: Kind

    /// Evaluates the settings' model (or `denoiser`) on a `columns` × `rows` grid over the ranges
    /// at `timestep` (clamped to 0 ..< T), using the settings' scheduler and step count.
    public init(settings: RunSettings, denoiser: (any Denoiser)? = nil, timestep: Int, kind: Kind,
                xRange: ClosedRange<Float>, yRange: ClosedRange<Float>, columns: Int, rows: Int) throws {
        var scheduler = try DDIMScheduler(configuration: settings.configuration)
        scheduler.maximumThreads = 1
        try scheduler.setTimesteps(settings.steps)
        let model = try denoiser ?? settings.makeDenoiser()
        let t = min(max(timestep, 0), scheduler.alphasCumprod.count - 1)
        let columns = max(1, columns), rows = max(1, rows)
        var values: [Float] = []
        values.reserveCapacity(columns * rows * 2)
        for row in 0..<rows {
            let y = rows == 1 ? (yRange.lowerBound + yRange.upperBound) / 2
                : yRange.upperBound - (yRange.upperBound - yRange.lowerBound) * Float(row) / Float(rows - 1)
            for column in 0..<columns {
                let x = columns == 1 ? (xRange.lowerBound + xRange.upperBound) / 2
                    : xRange.lowerBound + (xRange.upperBound - xRange.lowerBound) * Float(column) / Float(columns - 1)
                values += [x, y]
            }
        }
        let grid = SampleBatch(count: columns * rows, dimension: 2, values: values)
        let output = try DeterministicChain.step(scheduler, denoiser: model, sample: grid, timestep: t)
        let target = kind == .denoised ? output.predOriginalSample : output.prevSample
        var moves = target
        for i in moves.values.indices { moves.values[i] -= grid.values[i] }
        positions = grid
        displacements = moves
        self.columns = columns
        self.rows = rows
        self.timestep = t
        self.kind = kind
    }

    /// Grid point `index` and the point the model sends it to.
    public func arrow(_ index: Int) -> (from: SIMD2<Float>, to: SIMD2<Float>) {
        let from = SIMD2(positions[index, 0], positions[index, 1])
        return (from, from + SIMD2(displacements[index, 0], displacements[index, 1]))
    }

    /// The longest displacement of the grid (0 when every one is zero or not finite).
    public var longestDisplacement: Float {
        (0..<displacements.count).map { index in
            let d = SIMD2(displacements[index, 0], displacements[index, 1])
            let length = (d * d).sum().squareRoot()
            return length.isFinite ? length : 0
        }.max() ?? 0
    }
}
