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
    /// The data is JSON, but not a JSON object.
    case malformedJSON(String)
    /// The data is not JSON: where (1-based line and column, the key being read) and why.
    case invalidJSON(line: Int, column: Int, key: String?, problem: String)
    /// The data is not UTF-8 text: the first byte that is not.
    case notUTF8(line: Int, column: Int, byte: UInt8)
    /// An option diffusers cannot load, so it is not written to a diffusers file.
    case unsavableOption(field: String, value: String, reason: String)
    /// `trained_betas` does not have `num_train_timesteps` entries.
    case trainedBetasLength(count: Int, numTrainTimesteps: Int)
    /// An entry of `trained_betas` is not in (0, 1).
    case trainedBetaOutOfRange(index: Int, value: Float)
    /// `num_inference_steps` is 0, negative or larger than `num_train_timesteps`.
    case invalidStepCount(Int, numTrainTimesteps: Int)
    /// `leading` spacing plus `steps_offset` would run past the last training timestep with `steps` steps.
    case stepsOffsetPastSchedule(stepsOffset: Int, largestTimestep: Int, numTrainTimesteps: Int, steps: Int)
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
    /// The inverse scheduler is deterministic: eta must be 0.
    case stochasticInverseStep(Float)
    /// ᾱ_t = 0 at this timestep, where ε-prediction divides by √ᾱ_t = 0: from zero terminal SNR
    /// rescaling (`rescaled`), or because the schedule's ᾱ underflows to 0 by itself.
    case zeroSignalWithEpsilonPrediction(timestep: Int, rescaled: Bool)

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
        case let .invalidJSON(line, column, key, problem):
            let place = key.map { " (in \"\($0)\")" } ?? ""
            return "scheduler configuration is not valid JSON: line \(line), column \(column)\(place): \(problem)"
        case let .notUTF8(line, column, byte):
            return "scheduler configuration is not UTF-8 text: the byte 0x\(String(byte, radix: 16, uppercase: true)) at line \(line), "
                + "column \(column) is not valid UTF-8; save the file as UTF-8 (diffusers writes UTF-8 JSON)"
        case let .unsavableOption(field, value, reason):
            return "cannot save \(field) \"\(value)\" to a diffusers scheduler_config.json: \(reason)"
        case let .trainedBetasLength(count, train):
            return "trained_betas has \(count) entries; allowed: exactly num_train_timesteps = \(train)"
        case let .trainedBetaOutOfRange(index, value):
            return "trained_betas[\(index)] is \(value); allowed: 0 < beta < 1"
        case let .invalidStepCount(count, train):
            return "num_inference_steps is \(count); allowed: 1 ... \(train) (num_train_timesteps)"
        case let .stepsOffsetPastSchedule(offset, largest, train, steps):
            let fix = TimestepSelection.leadingFix(stepsOffset: offset, numTrainTimesteps: train, steps: steps)
            var advice = "steps_offset at most \(fix.largestOffset)"
            if let count = fix.largestStepCount { advice += " or at most \(count) steps" }
            return "steps_offset is \(offset), which puts the largest leading timestep at \(largest) with \(steps) steps; "
                + "allowed: timesteps up to \(train - 1) (num_train_timesteps - 1), so use \(advice)"
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
        case let .stochasticInverseStep(eta):
            return "eta is \(eta); allowed for DDIMInverseScheduler: 0 (inversion is deterministic)"
        case let .zeroSignalWithEpsilonPrediction(t, rescaled):
            if rescaled {
                return "prediction_type \"epsilon\" cannot step from timestep \(t): rescale_betas_zero_snr makes alpha-bar 0 there (x0 = (x - eps) / 0); allowed: prediction_type \"v_prediction\" or \"sample\" with rescale_betas_zero_snr, or a schedule that does not start at that timestep"
            }
            return "prediction_type \"epsilon\" cannot step from timestep \(t): the schedule's alpha-bar is 0 there in float32 "
                + "(the product of (1 - beta) underflows: too many training timesteps or betas too large), so x0 = (x - eps) / 0; "
                + "allowed: a smaller num_train_timesteps, beta_start or beta_end, or prediction_type \"v_prediction\" or \"sample\""
        }
    }
}
