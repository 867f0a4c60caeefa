import Foundation

/// One sampling step of a schedule, written out: where it starts, where diffusers lands, and the
/// noise levels there.
public struct InspectedStep: Sendable, Equatable {
    /// 0-based position in the chain.
    public var index: Int
    /// The timestep the model is evaluated at.
    public var timestep: Int
    /// The level the step lands on under the configured previous-timestep rule (-1 = the final level).
    public var previousTimestep: Int
    /// The timestep the next step will start from (-1 after the last step).
    public var nextTimestep: Int
    /// alpha-bar at ``timestep``.
    public var alphaProduct: Float
    /// alpha-bar at ``previousTimestep`` (final_alpha_cumprod for -1).
    public var alphaProductPrevious: Float
    /// Signal-to-noise ratio alpha-bar / (1 - alpha-bar) at ``timestep`` (infinite at alpha-bar = 1).
    public var signalToNoise: Float
    /// Standard deviation of the noise the step adds at the inspected eta.
    public var sigma: Float

    /// True when the step does not land where the next step starts.
    public var landsOffSchedule: Bool {
        !(previousTimestep == nextTimestep || (previousTimestep < 0 && nextTimestep < 0))
    }
}

/// A known way a scheduler configuration quietly does something else than its user expects.
public enum SchedulePitfall: Sendable, Equatable, CustomStringConvertible {
    /// `leading` spacing starts below the last training timestep, so sampling never starts from pure noise.
    case leadingMissesLastTimestep(firstTimestep: Int, lastTrainingTimestep: Int, alphaProduct: Float,
                                   lastTrainingAlphaProduct: Float)
    /// `set_alpha_to_one: false` ends on alpha-bar(0) < 1: the result keeps some noise.
    case residualNoise(finalAlphaProduct: Float)
    /// Zero terminal SNR with epsilon prediction: x0 = (x - sqrt(1 - alpha-bar) eps) / sqrt(alpha-bar) at alpha-bar = 0.
    case zeroSNRWithEpsilon(timestep: Int, alphaProduct: Float)
    /// diffusers' rule `t - T/S` lands on levels the schedule does not continue from.
    case previousTimestepMismatch(skips: Int, repeats: Int, example: InspectedStep)
    /// `steps_offset` makes `leading` spacing index past the schedule.
    case stepsOffsetPastSchedule(stepsOffset: Int, largestTimestep: Int, numTrainTimesteps: Int)
    /// `steps_offset` only applies to `leading` spacing and is ignored here.
    case stepsOffsetIgnored(stepsOffset: Int, spacing: TimestepSpacing)
    /// Keys of the config file that DDIM does not use.
    case ignoredKeys([String])

    /// A short stable name, for JSON and tests.
    public var name: String {
        switch self {
        case .leadingMissesLastTimestep: return "leading-misses-last-timestep"
        case .residualNoise: return "residual-noise"
        case .zeroSNRWithEpsilon: return "zero-snr-with-epsilon"
        case .previousTimestepMismatch: return "previous-timestep-mismatch"
        case .stepsOffsetPastSchedule: return "steps-offset-past-schedule"
        case .stepsOffsetIgnored: return "steps-offset-ignored"
        case .ignoredKeys: return "ignored-keys"
        }
    }

    public var description: String {
        switch self {
        case let .leadingMissesLastTimestep(first, last, alphaProduct, lastAlphaProduct):
            return "leading spacing starts at timestep \(first) and never uses the last training timestep \(last): "
                + "the pure-noise start is treated as alpha-bar = \(alphaProduct) instead of \(lastAlphaProduct) "
                + "(use trailing spacing to start at \(last))"
        case let .residualNoise(finalAlphaProduct):
            let noise = (1 - finalAlphaProduct).squareRoot()
            return "set_alpha_to_one is false: the last step lands on alpha-bar = \(finalAlphaProduct), "
                + "not 1, so the output keeps noise of standard deviation \(noise)"
        case let .zeroSNRWithEpsilon(timestep, alphaProduct):
            if alphaProduct == 0 {
                return "rescale_betas_zero_snr with prediction_type epsilon: alpha-bar is 0 at the first timestep \(timestep), "
                    + "so x0 = (x - sqrt(1 - alpha-bar) eps) / sqrt(alpha-bar) divides by zero (use v_prediction)"
            }
            return "rescale_betas_zero_snr with prediction_type epsilon: alpha-bar is only \(alphaProduct) at timestep "
                + "\(timestep), so x0 = (x - sqrt(1 - alpha-bar) eps) / sqrt(alpha-bar) amplifies any error in eps "
                + "by \(1 / alphaProduct.squareRoot()) (use v_prediction)"
        case let .previousTimestepMismatch(skips, repeats, example):
            return "diffusers' previous timestep t - T/S does not match the schedule: \(skips) step(s) land above "
                + "the next timestep (levels skipped) and \(repeats) below it (levels repeated); e.g. step \(example.index) "
                + "goes from \(example.timestep) to \(example.previousTimestep) but the next step starts at "
                + "\(example.nextTimestep) (use --prev-timestep next, or leading spacing)"
        case let .stepsOffsetPastSchedule(offset, largest, train):
            return "steps_offset \(offset) puts the largest leading timestep at \(largest), past the last training "
                + "timestep \(train - 1) (diffusers would index out of range)"
        case let .stepsOffsetIgnored(offset, spacing):
            return "steps_offset \(offset) is ignored with \(spacing.rawValue) spacing (it only shifts leading timesteps)"
        case let .ignoredKeys(keys):
            return "ignored config keys that DDIM does not use: \(keys.joined(separator: ", "))"
        }
    }
}

/// What `setTimesteps(S)` gives for a configuration, step by step, and the pitfalls it falls into.
///
/// ```swift
/// var config = DDIMConfiguration()
/// config.timestepSpacing = .trailing
/// let report = ScheduleInspection(configuration: config, steps: 7)
/// report.steps.map(\.timestep)    // [999, 856, 713, 570, 428, 285, 142]
/// report.pitfalls                 // [.previousTimestepMismatch(...)]
/// ```
public struct ScheduleInspection: Sendable {
    public var configuration: DDIMConfiguration
    public var stepCount: Int
    public var eta: Float
    /// One entry per timestep, in chain order (empty when ``failure`` is set).
    public var steps: [InspectedStep]
    /// Pitfalls found, in a fixed order.
    public var pitfalls: [SchedulePitfall]
    /// Why no timesteps could be computed (for example steps_offset past the schedule).
    public var failure: DDIMError?
    /// alpha-bar at the last training timestep T - 1.
    public var lastTrainingAlphaProduct: Float = 0

    /// Inspects `configuration` at `steps` sampling steps; `eta` sets the ``InspectedStep/sigma`` column.
    public init(configuration: DDIMConfiguration, steps: Int, eta: Float = 1) {
        self.configuration = configuration
        self.stepCount = steps
        self.eta = eta
        self.steps = []
        self.pitfalls = []
        self.failure = nil
        do throws(DDIMError) {
            var scheduler = try DDIMScheduler(configuration: configuration)
            try scheduler.setTimesteps(steps)
            self.steps = try Self.rows(scheduler, eta: eta)
            lastTrainingAlphaProduct = scheduler.alphasCumprod.last ?? 0
        } catch {
            failure = error
        }
        pitfalls = Self.pitfalls(configuration: configuration, steps: self.steps, failure: failure,
                                 lastTrainingAlphaProduct: lastTrainingAlphaProduct)
    }

    static func rows(_ scheduler: DDIMScheduler, eta: Float) throws(DDIMError) -> [InspectedStep] {
        let timesteps = scheduler.timesteps
        var rows: [InspectedStep] = []
        for index in timesteps.indices {
            let t = timesteps[index]
            let coefficients = try scheduler.coefficients(timestep: t, eta: eta)
            let alphaProduct = scheduler.alphaProduct(at: t)
            rows.append(InspectedStep(
                index: index, timestep: t, previousTimestep: scheduler.previousTimestep(for: t),
                nextTimestep: index + 1 < timesteps.count ? timesteps[index + 1] : -1,
                alphaProduct: alphaProduct, alphaProductPrevious: coefficients.alphaProductPrevious,
                signalToNoise: alphaProduct / (1 - alphaProduct), sigma: coefficients.sigma))
        }
        return rows
    }

    static func pitfalls(configuration c: DDIMConfiguration, steps: [InspectedStep], failure: DDIMError?,
                         lastTrainingAlphaProduct: Float) -> [SchedulePitfall] {
        var found: [SchedulePitfall] = []
        let lastTraining = c.numTrainTimesteps - 1
        if case let .stepsOffsetPastSchedule(offset, largest, train)? = failure {
            found.append(.stepsOffsetPastSchedule(stepsOffset: offset, largestTimestep: largest, numTrainTimesteps: train))
        }
        if c.stepsOffset != 0 && c.timestepSpacing != .leading {
            found.append(.stepsOffsetIgnored(stepsOffset: c.stepsOffset, spacing: c.timestepSpacing))
        }
        if let first = steps.first {
            if c.timestepSpacing == .leading && first.timestep < lastTraining {
                found.append(.leadingMissesLastTimestep(firstTimestep: first.timestep, lastTrainingTimestep: lastTraining,
                                                         alphaProduct: first.alphaProduct,
                                                         lastTrainingAlphaProduct: lastTrainingAlphaProduct))
            }
            if c.rescaleBetasZeroSnr && c.predictionType == .epsilon {
                found.append(.zeroSNRWithEpsilon(timestep: first.timestep, alphaProduct: first.alphaProduct))
            }
        }
        if let last = steps.last, !c.setAlphaToOne, last.alphaProductPrevious < 1 {
            found.append(.residualNoise(finalAlphaProduct: last.alphaProductPrevious))
        }
        let mismatched = steps.filter(\.landsOffSchedule)
        if let example = mismatched.first {
            let skips = mismatched.filter { $0.previousTimestep > $0.nextTimestep }.count
            found.append(.previousTimestepMismatch(skips: skips, repeats: mismatched.count - skips, example: example))
        }
        if !c.ignoredKeys.isEmpty {
            found.append(.ignoredKeys(c.ignoredKeys))
        }
        return found
    }
}
