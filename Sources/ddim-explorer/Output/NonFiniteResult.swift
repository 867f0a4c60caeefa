import DDIM
import Foundation
import ToyWorld

/// A run that produced NaN or infinity: an error (exit status 3) that names the step and the setting
/// that caused it, instead of data a script would take for results.
///
/// ```swift
/// if chain.hasNonFiniteValues { throw NonFiniteResult(chain: chain) }
/// // error: the run produced NaN or infinity at step 1 of 50 (t = 981): --eta 1e+30 ...
/// ```
struct NonFiniteResult: Error, CustomStringConvertible {
    /// The documented exit status of a non-finite result.
    static let exitStatus: Int32 = 3

    var description: String

    /// The failure of `chain`, which has just taken the step that produced NaN or infinity.
    init(chain: SamplingChain) {
        let step = chain.stepIndex
        let timestep = step >= 1 ? chain.timesteps[step - 1] : chain.timesteps.first ?? 0
        description = "the run produced NaN or infinity at step \(step) of \(chain.timesteps.count) (t = \(timestep)): "
            + Self.cause(settings: chain.settings, scheduler: chain.scheduler, timestep: timestep)
            + "; pass --allow-nonfinite to print the raw values"
    }

    /// The failure of an interpolation frame at `alpha`.
    init(alpha: Float, settings: RunSettings, scheduler: DDIMScheduler) {
        let timestep = scheduler.timesteps.first ?? 0
        description = "the run produced NaN or infinity at alpha \(alpha): "
            + Self.cause(settings: settings, scheduler: scheduler, timestep: timestep)
            + "; pass --allow-nonfinite to print the raw values"
    }

    /// The failure of a `table` cell: `row` (the noise setting) at `steps` steps.
    init(row: String, steps: Int, settings: RunSettings) {
        let cause: String
        if var scheduler = try? DDIMScheduler(configuration: settings.configuration), (try? scheduler.setTimesteps(steps)) != nil {
            cause = Self.cause(settings: settings, scheduler: scheduler, timestep: scheduler.timesteps.first ?? 0)
        } else {
            cause = "the scheduler settings"
        }
        description = "the table cell \(row), S = \(steps) came out NaN or infinite: \(cause); pass --allow-nonfinite to print it as nan"
    }

    /// The setting most likely to blame: a huge eta, a degenerate alpha-bar from the betas, or the configuration.
    static func cause(settings: RunSettings, scheduler: DDIMScheduler, timestep: Int) -> String {
        let configuration = settings.configuration
        let betas = configuration.trainedBetas != nil ? "trained_betas"
            : "beta_schedule \(configuration.betaSchedule.rawValue), beta_start \(Self.number(configuration.betaStart)), "
              + "beta_end \(Self.number(configuration.betaEnd))"
        if settings.eta > 1 {
            return "eta \(Self.number(settings.eta)) scales the step's noise beyond what 32-bit floats hold (eta is meant to be 0 ... 1)"
        }
        let alphaBars = scheduler.timesteps.map { scheduler.alphaProduct(at: $0) }
        if let worst = alphaBars.first(where: { !($0 >= Float.leastNormalMagnitude) }) {
            return "the noise schedule (\(betas)) gives alpha-bar = \(Self.number(worst)), too close to 0 to divide by"
        }
        if let worst = alphaBars.first(where: { !(1 - $0 >= Float.ulpOfOne) }) {
            return "the noise schedule (\(betas)) gives 1 - alpha-bar = \(Self.number(1 - worst)), too close to 0 to divide by"
        }
        return "the scheduler settings (\(betas), prediction_type \(configuration.predictionType.rawValue)) at alpha-bar = "
            + Self.number(scheduler.alphaProduct(at: timestep))
    }

    /// A value in scientific notation, so tiny and huge numbers say something ("1.00e-45", not "0.0").
    static func number(_ value: Float) -> String {
        String(format: "%.3g", Double(value))
    }
}
