/// What a model file records about the run that trained it (JSON keys in snake case:
/// `steps`, `batch`, `learning_rate`, `seed`, `final_loss`, `seconds`).
///
/// ```swift
/// let json = try JSONEncoder().encode(trainer.record(seconds: 41.2))
/// ```
public struct TrainingRecord: Codable, Sendable, Equatable {
    /// Optimizer steps taken.
    public var steps: Int
    /// Rows per step.
    public var batch: Int
    /// The base learning rate.
    public var learningRate: Double
    /// The seed of the run.
    public var seed: UInt64
    /// The loss averaged over the last steps (see ``Trainer/recentLoss``).
    public var finalLoss: Double
    /// Wall-clock seconds of training.
    public var seconds: Double

    public init(steps: Int, batch: Int, learningRate: Double, seed: UInt64, finalLoss: Double, seconds: Double) {
        self.steps = steps
        self.batch = batch
        self.learningRate = learningRate
        self.seed = seed
        self.finalLoss = finalLoss
        self.seconds = seconds
    }

    enum CodingKeys: String, CodingKey {
        case steps, batch, seed, seconds
        case learningRate = "learning_rate"
        case finalLoss = "final_loss"
    }
}
