import DDIM

/// Everything a training run is set by (besides the data and the noise schedule).
///
/// The defaults were chosen by measurement on two moons (see the README's "Learned models"
/// section): 3,000 steps at batch 512, AdamW at 2e-3 with a cosine decay to 0, weight decay 0,
/// gradient norm clipped at 1. A constant rate was clearly worse (MMD twice the exact model's);
/// 1e-3 to 3e-3 with the cosine decay and 2,000 to 4,000 steps all reach the data's noise floor.
///
/// ```swift
/// var options = TrainingOptions()
/// options.steps = 2_000
/// options.predictionType = .vPrediction
/// ```
public struct TrainingOptions: Sendable, Hashable {
    /// The network's shape.
    public var architecture: MLPArchitecture
    /// What the network learns to predict.
    public var predictionType: PredictionType
    /// Number of optimizer steps.
    public var steps: Int
    /// Rows per step.
    public var batch: Int
    /// AdamW's base learning rate.
    public var learningRate: Float
    /// How the rate changes over the run.
    public var schedule: LearningRateSchedule
    /// AdamW's decoupled weight decay.
    public var weightDecay: Float
    /// The largest global gradient norm (larger gradients are scaled down); 0 turns clipping off.
    public var gradientClip: Float
    /// The seed of the initial weights, the data draws, the timesteps and the noise.
    public var seed: UInt64
    /// Threads per step (0 = one per active core). The result does not depend on it.
    public var threads: Int

    /// Options with the measured defaults.
    public init(architecture: MLPArchitecture = .default, predictionType: PredictionType = .epsilon, steps: Int = 3_000,
                batch: Int = 512, learningRate: Float = 2e-3, schedule: LearningRateSchedule = .cosine,
                weightDecay: Float = 0, gradientClip: Float = 1, seed: UInt64 = 0, threads: Int = 0) {
        self.architecture = architecture
        self.predictionType = predictionType
        self.steps = steps
        self.batch = batch
        self.learningRate = learningRate
        self.schedule = schedule
        self.weightDecay = weightDecay
        self.gradientClip = gradientClip
        self.seed = seed
        self.threads = threads
    }

    /// The largest batch accepted (each block of 256 rows keeps its own gradient, so memory grows
    /// with the batch).
    public static let maximumBatch = 8_192

    /// Throws for a field outside its range (the architecture's own ranges included).
    ///
    /// ```swift
    /// try TrainingOptions(batch: 0).validate()   // TrainingError.invalidOption(field: "batch", ...)
    /// ```
    public func validate() throws(TrainingError) {
        do { try architecture.validate() } catch { throw .architecture(error) }
        guard steps >= 0 else { throw .invalidOption(field: "steps", value: "\(steps)", allowed: "0 or more") }
        guard (1...Self.maximumBatch).contains(batch) else {
            throw .invalidOption(field: "batch", value: "\(batch)", allowed: "1...\(Self.maximumBatch)")
        }
        guard learningRate.isFinite, learningRate > 0, learningRate <= 1 else {
            throw .invalidOption(field: "learning rate", value: "\(learningRate)", allowed: "a number in (0, 1]")
        }
        guard weightDecay.isFinite, weightDecay >= 0, weightDecay < 1 else {
            throw .invalidOption(field: "weight decay", value: "\(weightDecay)", allowed: "a number in [0, 1)")
        }
        guard gradientClip.isFinite, gradientClip >= 0 else {
            throw .invalidOption(field: "gradient clip", value: "\(gradientClip)", allowed: "0 (off) or a positive number")
        }
        guard threads >= 0 else { throw .invalidOption(field: "threads", value: "\(threads)", allowed: "0 (automatic) or more") }
    }
}
