import Foundation

/// What ``DDIMScheduler`` and ``DDIMInverseScheduler`` share: the validated noise schedule, the
/// selected timesteps, the thread limit and the checks every step and coefficient query makes.
/// Opaque outside `DDIM`: ``Scheduler``'s properties read it.
///
/// ```swift
/// let scheduler = try DDIMScheduler()
/// scheduler.alphasCumprod == scheduler.core.alphasCumprod   // (inside DDIM)
/// ```
public struct ScheduleCore: Sendable {
    let configuration: DDIMConfiguration
    let betas: [Float]
    let alphasCumprod: [Float]
    /// ᾱ below timestep 0: 1 with `set_alpha_to_one`, else ᾱ₀ (diffusers' `final_alpha_cumprod`
    /// for the forward scheduler, `initial_alpha_cumprod` for the inverse).
    let boundaryAlphaCumprod: Float
    private(set) var timesteps: [Int] = []
    private(set) var numInferenceSteps: Int?
    var maximumThreads: Int = ProcessInfo.processInfo.activeProcessorCount

    init(configuration: DDIMConfiguration) throws(DDIMError) {
        let schedule = try NoiseSchedule(configuration: configuration)
        self.configuration = configuration
        betas = schedule.betas
        alphasCumprod = schedule.alphasCumprod
        boundaryAlphaCumprod = configuration.setAlphaToOne ? 1 : schedule.alphasCumprod[0]
    }

    /// Selects `count` timesteps, descending (forward) or ascending (inverse).
    mutating func setTimesteps(_ count: Int, ascending: Bool) throws(DDIMError) {
        let selected = try TimestepSelection.timesteps(for: configuration, count: count)
        timesteps = ascending ? selected.reversed() : selected
        numInferenceSteps = count
    }

    /// True when steps move between neighbouring entries of ``timesteps`` instead of by T // n.
    var usesScheduleOrder: Bool {
        configuration.previousTimestepRule == .nextInSchedule || configuration.timestepSpacing == .quadratic
    }

    /// The index of `timestep` in ``timesteps`` when steps follow the schedule's order, else nil.
    func scheduleIndex(of timestep: Int) -> Int? {
        usesScheduleOrder ? timesteps.firstIndex(of: timestep) : nil
    }

    /// ᾱ at `timestep`: ``boundaryAlphaCumprod`` below 0, ᾱ_{T−1} above the schedule.
    func alphaProduct(at timestep: Int) -> Float {
        guard timestep >= 0 else { return boundaryAlphaCumprod }
        return alphasCumprod[min(timestep, alphasCumprod.count - 1)]
    }

    /// The checks of every step: timesteps set, `timestep` in range (and in the schedule when
    /// steps follow its order), eta finite and non-negative.
    func checkStep(timestep: Int, eta: Float) throws(DDIMError) {
        guard numInferenceSteps != nil else { throw .timestepsNotSet }
        guard timestep >= 0 && timestep < alphasCumprod.count else {
            throw .timestepOutOfRange(timestep, numTrainTimesteps: alphasCumprod.count)
        }
        guard eta.isFinite && eta >= 0 else { throw .invalidEta(eta) }
        if usesScheduleOrder && !timesteps.contains(timestep) { throw .timestepNotInSchedule(timestep) }
    }

    /// The fused kernel for a step from ᾱ = `c.alphaProduct` with the coefficients `c`; throws
    /// where ε-prediction would divide by √ᾱ = 0 (`source` names the timestep of that ᾱ).
    func kernel(_ c: StepCoefficients, source: Int, bounding: SampleBounding,
                useClippedModelOutput: Bool) throws(DDIMError) -> StepKernel {
        if configuration.predictionType == .epsilon && c.alphaProduct == 0 {
            throw .zeroSignalWithEpsilonPrediction(timestep: source, rescaled: configuration.rescaleBetasZeroSnr)
        }
        return StepKernel(prediction: configuration.predictionType, bounding: bounding,
                          useClippedModelOutput: useClippedModelOutput,
                          sqrtAlpha: c.alphaProduct.squareRoot(), sqrtBeta: (1 - c.alphaProduct).squareRoot(),
                          x0Coefficient: c.x0Coefficient, directionCoefficient: c.epsilonCoefficient,
                          noiseScale: c.noiseCoefficient)
    }

    /// Checks the shapes, then runs `kernel` over the batch into `output`.
    func run(_ kernel: StepKernel, modelOutput: SampleBatch, sample: SampleBatch, noise: StepNoise,
             into output: inout SchedulerOutput) throws(DDIMError) {
        try Self.checkShape(modelOutput, field: "modelOutput", like: sample)
        if case .values(let z) = noise.source { try Self.checkShape(z, field: "varianceNoise", like: sample) }
        kernel.run(sample: sample, modelOutput: modelOutput, noise: noise, threads: maximumThreads, into: &output)
    }

    static func checkShape(_ batch: SampleBatch, field: String, like sample: SampleBatch) throws(DDIMError) {
        guard batch.hasSameShape(as: sample) else {
            throw .shapeMismatch(field: field, expectedCount: sample.count, expectedDimension: sample.dimension,
                                 count: batch.count, dimension: batch.dimension)
        }
    }
}
