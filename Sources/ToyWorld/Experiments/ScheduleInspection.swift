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

    /// True when every number of the row is a number (the SNR may be infinite at alpha-bar = 1).
    var isFinite: Bool {
        alphaProduct.isFinite && alphaProductPrevious.isFinite && sigma.isFinite && !signalToNoise.isNaN
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
    /// One entry per timestep, in chain order (empty when ``failure`` is set or a pitfall is an error).
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
        var variances: [Float] = []
        do throws(DDIMError) {
            var scheduler = try DDIMScheduler(configuration: configuration)
            try scheduler.setTimesteps(steps)
            self.steps = try Self.rows(scheduler, eta: eta)
            variances = scheduler.timesteps.map { scheduler.variance(timestep: $0, previousTimestep: scheduler.previousTimestep(for: $0)) }
            lastTrainingAlphaProduct = scheduler.alphasCumprod.last ?? 0
        } catch {
            failure = error
        }
        pitfalls = Self.pitfalls(configuration: configuration, steps: self.steps, failure: failure,
                                 lastTrainingAlphaProduct: lastTrainingAlphaProduct)
        if let bad = self.steps.first(where: { !$0.isFinite }) {
            pitfalls.append(.degenerateSchedule(step: bad, numTrainTimesteps: configuration.numTrainTimesteps))
            self.steps = []
        } else if let pitfall = Self.negativeDirection(variances: variances, steps: self.steps, eta: eta) {
            pitfalls.append(pitfall)
        }
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

    /// diffusers' `1 - alpha_prod_t_prev - std_dev_t ** 2` with `std_dev_t = eta * variance ** 0.5`, in float32 as it computes it.
    static func directionTerm(variance: Float, alphaProductPrevious: Float, eta: Float) -> Float {
        let sigma = eta * variance.squareRoot()
        return 1 - alphaProductPrevious - sigma * sigma
    }

    /// The smallest direction term that is safely >= 0 in diffusers too. From a step where alpha-bar
    /// is 0 (zero terminal SNR) at eta >= 1 the term is 0 up to rounding, and its sign follows the last
    /// bits of alpha-bar_prev, where torch (whose float32 sqrt is not correctly rounded) differs from
    /// this project by a few ULP: there the term must clear 2.4e-7 (4 ULP of 1).
    static func safeDirectionTerm(for step: InspectedStep) -> Float {
        step.alphaProduct == 0 ? 2.4e-7 : 0
    }

    /// The first step where diffusers' direction term is (or may round) negative at `eta`, with the
    /// largest eta (4 significant digits) that keeps every term safely >= 0.
    static func negativeDirection(variances: [Float], steps: [InspectedStep], eta: Float) -> SchedulePitfall? {
        func terms(_ e: Float) -> [Float] {
            zip(variances, steps).map { directionTerm(variance: $0, alphaProductPrevious: $1.alphaProductPrevious, eta: e) }
        }
        func fits(_ e: Float) -> Bool { zip(terms(e), steps).allSatisfy { $0 >= safeDirectionTerm(for: $1) } }
        let atEta = terms(eta)
        guard variances.count == steps.count, eta > 0,
              let index = steps.indices.first(where: { atEta[$0] < safeDirectionTerm(for: steps[$0]) }) else { return nil }
        var low: Float = 0, high = eta
        for _ in 0..<48 {
            let middle = (low + high) / 2
            if fits(middle) { low = middle } else { high = middle }
        }
        let unit = Float(pow(10, floor(log10(Double(max(low, 1e-30)))) - 3))
        var largest = (low / unit).rounded(.down) * unit
        while largest > 0 && !fits(largest) { largest -= unit }
        return .negativeDirectionTerm(step: index, timestep: steps[index].timestep, value: atEta[index], eta: eta,
                                      largestEta: max(0, largest))
    }

    static func pitfalls(configuration c: DDIMConfiguration, steps: [InspectedStep], failure: DDIMError?,
                         lastTrainingAlphaProduct: Float) -> [SchedulePitfall] {
        var found: [SchedulePitfall] = []
        let lastTraining = c.numTrainTimesteps - 1
        if case let .stepsOffsetPastSchedule(offset, largest, train, count)? = failure {
            found.append(.stepsOffsetPastSchedule(stepsOffset: offset, largestTimestep: largest, numTrainTimesteps: train,
                                                  steps: count))
        }
        if c.stepsOffset != 0 && c.timestepSpacing != .leading {
            found.append(.stepsOffsetIgnored(stepsOffset: c.stepsOffset, spacing: c.timestepSpacing))
        }
        if let first = steps.first {
            if first.timestep < lastTraining && first.alphaProduct != lastTrainingAlphaProduct {
                found.append(.startMissesLastTimestep(spacing: c.timestepSpacing, steps: steps.count,
                                                      firstTimestep: first.timestep, lastTrainingTimestep: lastTraining,
                                                      alphaProduct: first.alphaProduct,
                                                      lastTrainingAlphaProduct: lastTrainingAlphaProduct))
            }
            if c.predictionType == .epsilon && (c.rescaleBetasZeroSnr || first.alphaProduct == 0) {
                found.append(.zeroSNRWithEpsilon(timestep: first.timestep, alphaProduct: first.alphaProduct,
                                                 rescaled: c.rescaleBetasZeroSnr))
            }
        }
        if let last = steps.last, last.alphaProductPrevious < 1 {
            if last.previousTimestep >= 0 {
                found.append(.residualNoise(.lastStepLandsOnTimestep(from: last.timestep, to: last.previousTimestep,
                                                                    stepCounts: landingStepCounts(c, steps: steps.count),
                                                                    setAlphaToOneOff: !c.setAlphaToOne),
                                            finalAlphaProduct: last.alphaProductPrevious))
            } else if !c.setAlphaToOne {
                found.append(.residualNoise(.setAlphaToOneOff, finalAlphaProduct: last.alphaProductPrevious))
            }
        }
        let mismatched = steps.dropLast().filter(\.landsOffSchedule)
        if let example = mismatched.first {
            let skips = mismatched.filter { $0.previousTimestep > $0.nextTimestep }.count
            found.append(.previousTimestepMismatch(skips: skips, repeats: mismatched.count - skips, example: example))
        }
        if c.timestepSpacing == .trailing && !steps.isEmpty
            && TimestepSelection.diffusersTrailingCount(numTrainTimesteps: c.numTrainTimesteps, count: steps.count) != steps.count {
            let alternatives = nearestCounts(to: steps.count, upTo: c.numTrainTimesteps) { count in
                TimestepSelection.diffusersTrailingCount(numTrainTimesteps: c.numTrainTimesteps, count: count) == count
                    && lastStepLandsOnFinalLevel(c, count: count)
            }
            found.append(.diffusersExtraTrailingStep(steps: steps.count, alternatives: alternatives))
        }
        if !c.ignoredKeys.isEmpty {
            found.append(.ignoredKeys(className: c.sourceClassName, keys: c.ignoredKeys))
        }
        return found
    }

    /// The nearest step counts (one below and one above `steps`, when they exist) whose last
    /// diffusers step `t - T/S` lands on the final level (below 0).
    static func landingStepCounts(_ c: DDIMConfiguration, steps: Int) -> [Int] {
        if c.timestepSpacing == .leading {
            // The last leading timestep is steps_offset; it lands below 0 when T / S > steps_offset,
            // so only fewer steps help: at most T / (steps_offset + 1).
            guard c.stepsOffset < c.numTrainTimesteps else { return [] }
            let largest = c.numTrainTimesteps / (c.stepsOffset + 1)
            return largest < steps ? [largest] : []
        }
        return nearestCounts(to: steps, upTo: c.numTrainTimesteps) { lastStepLandsOnFinalLevel(c, count: $0) }
    }

    /// True when diffusers' last step `t - T/S` from the last of `count` timesteps is below 0 (the final level).
    static func lastStepLandsOnFinalLevel(_ c: DDIMConfiguration, count: Int) -> Bool {
        guard let last = try? TimestepSelection.timesteps(for: c, count: count).last else { return false }
        return last - c.numTrainTimesteps / count < 0
    }

    /// The nearest count below `steps` and the nearest above (up to `limit`) that satisfy `works`,
    /// searching at most 64 counts each way.
    static func nearestCounts(to steps: Int, upTo limit: Int, where works: (Int) -> Bool) -> [Int] {
        let below = stride(from: steps - 1, through: max(1, steps - 64), by: -1).first(where: works)
        let above = stride(from: steps + 1, through: min(limit, steps + 64), by: 1).first(where: works)
        return [below, above].compactMap { $0 }
    }
}
