import Foundation

/// A known way a scheduler configuration quietly does something else than its user expects, each
/// with advice that fixes it (checked against diffusers by `Tests/Scripts/check_hub_configs.py`).
public enum SchedulePitfall: Sendable, Equatable, CustomStringConvertible {
    /// The chain starts below the last training timestep T - 1 where alpha-bar differs, so the
    /// pure-noise start is treated as a less noisy level (leading spacing, linspace with 1 step, quad).
    case startMissesLastTimestep(spacing: TimestepSpacing, steps: Int, firstTimestep: Int, lastTrainingTimestep: Int,
                                 alphaProduct: Float, lastTrainingAlphaProduct: Float)
    /// The last step lands on alpha-bar < 1: the result keeps noise.
    case residualNoise(ResidualNoiseCause, finalAlphaProduct: Float)
    /// Epsilon prediction where alpha-bar is 0 or tiny: x0 = (x - sqrt(1 - alpha-bar) eps) / sqrt(alpha-bar).
    /// `rescaled` says whether rescale_betas_zero_snr caused it (else the schedule underflows by itself).
    case zeroSNRWithEpsilon(timestep: Int, alphaProduct: Float, rescaled: Bool)
    /// diffusers' rule `t - T/S` lands on levels the schedule does not continue from (the last step aside).
    case previousTimestepMismatch(skips: Int, repeats: Int, example: InspectedStep)
    /// `steps_offset` makes `leading` spacing index past the schedule.
    case stepsOffsetPastSchedule(stepsOffset: Int, largestTimestep: Int, numTrainTimesteps: Int, steps: Int)
    /// `steps_offset` only applies to `leading` spacing and is ignored here.
    case stepsOffsetIgnored(stepsOffset: Int, spacing: TimestepSpacing)
    /// diffusers' `set_timesteps` returns S + 1 trailing timesteps ending in -1 here; `alternatives`
    /// are the nearest step counts it handles.
    case diffusersExtraTrailingStep(steps: Int, alternatives: [Int])
    /// At this eta, 1 - alpha-bar_prev - sigma^2 rounds below 0 in float32 (or is 0 up to rounding at
    /// a zero-SNR step): diffusers takes its square root (NaN in every output value); this project
    /// uses 0. `largestEta` is the largest eta that avoids it.
    case negativeDirectionTerm(step: Int, timestep: Int, value: Float, eta: Float, largestEta: Float)
    /// A step's numbers are not finite (alpha-bar underflows to 0, or rounds to 1, on both sides of it).
    case degenerateSchedule(step: InspectedStep, numTrainTimesteps: Int)
    /// Keys of the config file that DDIM does not use (never `_class_name` or `_diffusers_version`).
    case ignoredKeys(className: String?, keys: [String])

    /// Why a chain ends on alpha-bar < 1.
    public enum ResidualNoiseCause: Sendable, Equatable {
        /// `set_alpha_to_one: false`: the final level is alpha-bar(0).
        case setAlphaToOneOff
        /// diffusers' `t - T/S` from the last timestep is still >= 0; `stepCounts` are the nearest
        /// step counts whose last step lands on the final level, which is alpha-bar(0) too while
        /// `setAlphaToOneOff`.
        case lastStepLandsOnTimestep(from: Int, to: Int, stepCounts: [Int], setAlphaToOneOff: Bool)
    }

    /// A short stable name, for JSON and tests.
    public var name: String {
        switch self {
        case .startMissesLastTimestep(let spacing, _, _, _, _, _):
            return spacing == .leading ? "leading-misses-last-timestep" : "start-misses-last-timestep"
        case .residualNoise: return "residual-noise"
        case .zeroSNRWithEpsilon: return "zero-snr-with-epsilon"
        case .previousTimestepMismatch: return "previous-timestep-mismatch"
        case .stepsOffsetPastSchedule: return "steps-offset-past-schedule"
        case .stepsOffsetIgnored: return "steps-offset-ignored"
        case .diffusersExtraTrailingStep: return "diffusers-extra-trailing-step"
        case .negativeDirectionTerm: return "diffusers-nan-direction"
        case .degenerateSchedule: return "degenerate-schedule"
        case .ignoredKeys: return "ignored-keys"
        }
    }

    /// True when no usable table can be made (the command fails); the others are warnings.
    public var isError: Bool {
        switch self {
        case .stepsOffsetPastSchedule, .degenerateSchedule: return true
        default: return false
        }
    }

    public var description: String {
        switch self {
        case let .startMissesLastTimestep(spacing, steps, first, last, alphaProduct, lastAlphaProduct):
            let (a, b) = Readable.pair(alphaProduct, lastAlphaProduct)
            return "\(spacing.rawValue) spacing with \(steps) step\(steps == 1 ? "" : "s") starts at timestep \(first) and never uses "
                + "the last training timestep \(last): the pure-noise start is treated as alpha-bar = \(a) instead of \(b) "
                + "(use trailing spacing, which starts at \(last))"
        case let .residualNoise(cause, finalAlphaProduct):
            let noise = Readable.number((1 - finalAlphaProduct).squareRoot())
            let landing = "the last step lands on alpha-bar = \(Readable.number(finalAlphaProduct)), not 1, so the output keeps "
                + "noise of standard deviation \(noise)"
            switch cause {
            case .setAlphaToOneOff:
                return "set_alpha_to_one is false: \(landing) (use set_alpha_to_one true, --set-alpha-to-one)"
            case let .lastStepLandsOnTimestep(from, to, counts, setAlphaToOneOff):
                let fix = counts.isEmpty ? "" : "\(counts.map(String.init).joined(separator: " or ")) steps, or "
                let both = setAlphaToOneOff ? ", together with set_alpha_to_one true" : ""
                return "diffusers' last step goes from timestep \(from) to \(from) - T/S = \(to), not to the final level: "
                    + "\(landing) (use \(fix)--prev-timestep next\(both))"
            }
        case let .zeroSNRWithEpsilon(timestep, alphaProduct, rescaled):
            let cause = rescaled ? "rescale_betas_zero_snr with prediction_type epsilon"
                : "prediction_type epsilon with a schedule whose alpha-bar underflows to 0 in float32"
            let fix = rescaled ? "use v_prediction" : "use a smaller num_train_timesteps or smaller betas, or v_prediction"
            if alphaProduct == 0 {
                return "\(cause): alpha-bar is 0 at the first timestep \(timestep), so x0 = (x - sqrt(1 - alpha-bar) eps) "
                    + "/ sqrt(alpha-bar) divides by zero (\(fix))"
            }
            return "\(cause): alpha-bar is only \(Readable.number(alphaProduct)) at timestep \(timestep), so "
                + "x0 = (x - sqrt(1 - alpha-bar) eps) / sqrt(alpha-bar) amplifies any error in eps by "
                + "\(Readable.number(1 / alphaProduct.squareRoot())) (\(fix))"
        case let .previousTimestepMismatch(skips, repeats, example):
            return "diffusers' previous timestep t - T/S does not match the schedule: \(skips) step(s) land above "
                + "the next timestep (levels skipped) and \(repeats) below it (levels repeated); e.g. step \(example.index) "
                + "goes from \(example.timestep) to \(example.previousTimestep) but the next step starts at "
                + "\(example.nextTimestep) (use --prev-timestep next, or leading spacing)"
        case let .stepsOffsetPastSchedule(offset, largest, train, steps):
            let fix = TimestepSelection.leadingFix(stepsOffset: offset, numTrainTimesteps: train, steps: steps)
            let fewer = fix.largestStepCount.map { " or at most \($0) steps" } ?? ""
            return "steps_offset \(offset) puts the largest leading timestep at \(largest) with \(steps) steps, past the last "
                + "training timestep \(train - 1) (diffusers would index out of range; use steps_offset at most "
                + "\(fix.largestOffset)\(fewer))"
        case let .stepsOffsetIgnored(offset, spacing):
            return "steps_offset \(offset) is ignored with \(spacing.rawValue) spacing (it only shifts leading timesteps)"
        case let .diffusersExtraTrailingStep(steps, alternatives):
            let fix = alternatives.map(String.init).joined(separator: " or ")
            return "diffusers' set_timesteps(\(steps)) returns \(steps + 1) trailing timesteps here, the last one -1, and "
                + "its extra step from -1 (alphas_cumprod[-1], the noisiest level) changes the output; this project "
                + "uses the \(steps) it should (use \(fix) steps for the same chain in diffusers)"
        case let .negativeDirectionTerm(step, timestep, value, eta, largestEta):
            let size = value < 0 ? "is \(Readable.number(value))" : "is \(Readable.number(value)), 0 up to float32 rounding (about -6e-08 with torch's alpha-bar),"
            return "at eta = \(Readable.number(eta)), 1 - alpha-bar_prev - sigma^2 \(size) at step \(step) "
                + "(timestep \(timestep)): diffusers takes its square root, which is NaN below 0, and then every output "
                + "value is NaN; this project uses 0 (use eta at most \(Readable.number(largestEta)) for diffusers)"
        case let .degenerateSchedule(step, train):
            let problem: String, fix: String
            if step.alphaProduct == 1 || step.alphaProductPrevious == 1 {
                problem = "alpha-bar rounds to 1 in float32 (betas below 6e-8 vanish in 1 - beta), so the step adds no "
                    + "noise and its variance (1 - alpha-bar_prev) / (1 - alpha-bar) is 0 / 0"
                fix = "use betas of at least 1e-7"
            } else {
                problem = "alpha-bar underflows to 0 in float32 (the product of 1 - beta over \(train) training timesteps "
                    + "falls below 1e-45), so its variance is 0 / 0"
                fix = "use fewer training timesteps or smaller betas"
            }
            return "degenerate schedule: step \(step.index) goes from timestep \(step.timestep) (alpha-bar "
                + "\(Readable.number(step.alphaProduct))) to \(step.previousTimestep) (alpha-bar "
                + "\(Readable.number(step.alphaProductPrevious))): \(problem); diffusers computes NaN there (\(fix))"
        case let .ignoredKeys(className, keys):
            let source = className.map { "this \($0) config" } ?? "this config"
            return "keys of \(source) that DDIMScheduler does not use (as diffusers' DDIMScheduler.from_config ignores them; "
                + "kept when the config is saved): \(keys.joined(separator: ", "))"
        }
    }
}
