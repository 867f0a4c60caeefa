/// Everything the `DDIM` module rejects, with a message that names the field, the value and
/// what is allowed.
///
/// ```swift
/// do { try scheduler.setTimesteps(0) }
/// catch let error as DDIMError { print(error) }
/// // num_inference_steps is 0; allowed: 1 ... 1000 (num_train_timesteps)
/// ```
public enum DDIMError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A string option has a value that is not one of its names (`beta_schedule`, `prediction_type`, ...).
    case unknownValue(field: String, value: String, allowed: [String])
    /// A numeric option is outside its range.
    case invalidValue(field: String, value: String, allowed: String)
    /// A JSON key holds the wrong kind of value.
    case wrongJSONType(field: String, expected: String, found: String)
    /// The data is not a JSON object.
    case malformedJSON(String)
    /// `_class_name` names a scheduler whose configuration DDIM cannot use.
    case incompatibleScheduler(String)
    /// `trained_betas` does not have `num_train_timesteps` entries.
    case trainedBetasLength(count: Int, numTrainTimesteps: Int)
    /// An entry of `trained_betas` is not in (0, 1).
    case trainedBetaOutOfRange(index: Int, value: Float)
    /// `num_inference_steps` is 0, negative or larger than `num_train_timesteps`.
    case invalidStepCount(Int, numTrainTimesteps: Int)
    /// `leading` spacing plus `steps_offset` would run past the last training timestep.
    case stepsOffsetPastSchedule(stepsOffset: Int, largestTimestep: Int, numTrainTimesteps: Int)
    /// `step` (or `coefficients`) was called before `setTimesteps`.
    case timestepsNotSet
    /// A timestep outside 0 ..< num_train_timesteps.
    case timestepOutOfRange(Int, numTrainTimesteps: Int)
    /// The next-in-schedule rule needs a timestep that is in `timesteps`.
    case timestepNotInSchedule(Int)
    /// Two batches that must have the same shape do not.
    case shapeMismatch(field: String, expectedCount: Int, expectedDimension: Int, count: Int, dimension: Int)
    /// `timesteps` for `addNoise`/`velocity` must have one entry per row, or exactly one.
    case timestepCountMismatch(count: Int, rows: Int)
    /// eta must be finite and ≥ 0.
    case invalidEta(Float)
    /// Both `varianceNoise` and a generator were given to a stochastic step.
    case conflictingNoiseSources
    /// The inverse scheduler is deterministic: eta must be 0.
    case stochasticInverseStep(Float)
    /// Zero terminal SNR makes ᾱ_t = 0 at this timestep, where ε-prediction divides by √ᾱ_t = 0.
    case zeroSignalWithEpsilonPrediction(timestep: Int)

    public var description: String {
        switch self {
        case let .unknownValue(field, value, allowed):
            return "\(field) is \"\(value)\"; allowed: \(allowed.map { "\"\($0)\"" }.joined(separator: ", "))"
        case let .invalidValue(field, value, allowed):
            return "\(field) is \(value); allowed: \(allowed)"
        case let .wrongJSONType(field, expected, found):
            return "\(field) must be \(expected), found \(found)"
        case let .malformedJSON(detail):
            return "scheduler configuration is not a JSON object: \(detail)"
        case let .incompatibleScheduler(name):
            return "_class_name is \"\(name)\"; allowed: DDIMScheduler or a scheduler diffusers lists as compatible with it ("
                + DDIMConfiguration.compatibleClassNames.sorted().joined(separator: ", ") + ")"
        case let .trainedBetasLength(count, train):
            return "trained_betas has \(count) entries; allowed: exactly num_train_timesteps = \(train)"
        case let .trainedBetaOutOfRange(index, value):
            return "trained_betas[\(index)] is \(value); allowed: 0 < beta < 1"
        case let .invalidStepCount(count, train):
            return "num_inference_steps is \(count); allowed: 1 ... \(train) (num_train_timesteps)"
        case let .stepsOffsetPastSchedule(offset, largest, train):
            return "steps_offset is \(offset), which puts the largest timestep at \(largest); allowed: timesteps up to \(train - 1) (num_train_timesteps - 1), so use a smaller steps_offset or more steps"
        case .timestepsNotSet:
            return "no timesteps: call setTimesteps(_:) before step"
        case let .timestepOutOfRange(t, train):
            return "timestep is \(t); allowed: 0 ... \(train - 1)"
        case let .timestepNotInSchedule(t):
            return "timestep is \(t); allowed with previous_timestep_rule \"next\" or quad spacing: one of the scheduler's timesteps"
        case let .shapeMismatch(field, ec, ed, c, d):
            return "\(field) has shape \(c) x \(d); allowed: the sample's shape \(ec) x \(ed)"
        case let .timestepCountMismatch(count, rows):
            return "timesteps has \(count) entries; allowed: 1 or one per row (\(rows))"
        case let .invalidEta(eta):
            return "eta is \(eta); allowed: a finite value >= 0"
        case .conflictingNoiseSources:
            return "varianceNoise and generator were both given; allowed: at most one of them"
        case let .stochasticInverseStep(eta):
            return "eta is \(eta); allowed for DDIMInverseScheduler: 0 (inversion is deterministic)"
        case let .zeroSignalWithEpsilonPrediction(t):
            return "prediction_type \"epsilon\" cannot step from timestep \(t): rescale_betas_zero_snr makes alpha-bar 0 there (x0 = (x - eps) / 0); allowed: prediction_type \"v_prediction\" or \"sample\" with rescale_betas_zero_snr, or a schedule that does not start at that timestep"
        }
    }
}
