import DDIM
import ToyWorld

/// The points a training run learns from, and the per-step draws of the DDPM objective.
///
/// The data are drawn **once**: a fixed pool of 131,072 points from the dataset (for user points,
/// a resample of the file's rows with replacement), so no step allocates or re-samples the shape.
/// Step s takes row i of its batch from pool index floor(u * poolSize), its timestep as
/// floor(u' * T) (uniform over 0..<T) and two Gaussian noise values, where u, u' and the noise
/// are values s * batch + i (noise: 2 (s * batch + i) and the next) of three `PhiloxGenerator`
/// streams of the seed. Every draw is a pure function of (seed, step, row): the same seed gives
/// the same batches whatever the thread count, and a resumed run continues the same streams.
///
/// ```swift
/// let data = try TrainingData(dataset: .builtin(.twoMoons), seed: 0)
/// ```
struct TrainingData {
    /// Number of points in the pool.
    static let poolSize = 1 << 17
    /// Philox streams of the draws.
    static let choiceStream: UInt32 = 0x1EA2_0002
    static let timestepStream: UInt32 = 0x1EA2_0003
    static let noiseStream: UInt32 = 0x1EA2_0004
    /// Offset of the pool's seed from the run's seed (the pool is not the dataset's own first draw).
    static let poolSeedOffset: UInt64 = 0x1EA2_0000_0000

    let pool: [Float]
    let seed: UInt64

    init(dataset: Dataset, seed: UInt64) throws(TrainingError) {
        let points = dataset.sample(count: Self.poolSize, seed: seed &+ Self.poolSeedOffset)
        guard points.count == Self.poolSize, points.dimension == 2 else {
            throw .unusableData(name: dataset.name, reason: points.count == 0 ? "it has no points"
                                : "its points have \(points.dimension) values per row (expected 2)")
        }
        guard points.isFinite else { throw .unusableData(name: dataset.name, reason: "it has NaN or infinite coordinates") }
        pool = points.values
        self.seed = seed
    }

    /// Fills the draws for rows `first ..< first + count` of step `step` (batch `batch`): the noisy
    /// points x_t, the targets of `predictionType` and the timesteps, using the scheduler's
    /// forward-process coefficients `coefficients[t]` = (sqrt(alpha-bar_t), sqrt(1 - alpha-bar_t)).
    func fill(step: Int, batch: Int, first: Int, count: Int, predictionType: PredictionType,
              coefficients: UnsafePointer<(signal: Float, noise: Float)>, timestepCount: Int,
              points: UnsafeMutablePointer<Float>, targets: UnsafeMutablePointer<Float>,
              timesteps: UnsafeMutablePointer<Int32>) {
        let choice = PhiloxGenerator(seed: seed, stream: Self.choiceStream)
        let time = PhiloxGenerator(seed: seed, stream: Self.timestepStream)
        let noise = PhiloxGenerator(seed: seed, stream: Self.noiseStream)
        let start = UInt64(step) * UInt64(batch) + UInt64(first)
        // The noise pairs land in `targets` first; the targets overwrite them row by row.
        noise.fillNormals(UnsafeMutableBufferPointer(start: targets, count: 2 * count), startingAt: 2 * start)
        pool.withUnsafeBufferPointer { pool in
            for row in 0..<count {
                let index = start + UInt64(row)
                let j = min(Self.poolSize - 1, Int(choice.uniform(at: index) * Float(Self.poolSize)))
                let t = min(timestepCount - 1, Int(time.uniform(at: index) * Float(timestepCount)))
                timesteps[row] = Int32(t)
                let (signal, sigma) = coefficients[t]
                for c in 0..<2 {
                    let x0 = pool[2 * j + c], z = targets[2 * row + c]
                    points[2 * row + c] = signal * x0 + sigma * z
                    switch predictionType {
                    case .epsilon: targets[2 * row + c] = z
                    case .sample: targets[2 * row + c] = x0
                    case .vPrediction: targets[2 * row + c] = signal * z - sigma * x0
                    }
                }
            }
        }
    }
}
