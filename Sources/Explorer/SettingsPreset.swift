import ToyWorld

/// A partial change of run settings: the fields that are set replace the run's own.
///
/// Lessons are sequences of presets; so is the right-hand side of a comparison.
///
/// ```swift
/// let ddpm = SettingsPreset(steps: 10, eta: 1)
/// let settings = ddpm.applied(to: RunSettings())   // 10 steps, eta 1
/// ```
public struct SettingsPreset: Sendable, Hashable {
    public var dataset: DatasetKind?
    public var count: Int?
    public var seed: UInt64?
    /// The model in the loop: the exact denoiser, or the dataset's shipped learned model (which
    /// ``ExplorerModel/learnedModels`` provides).
    public var model: ModelChoice?
    public var steps: Int?
    public var eta: Float?
    public var largeVariance: Bool?
    public var schedule: BetaSchedule?
    public var spacing: TimestepSpacing?
    public var clipping: Bool?
    public var clipRange: Float?
    public var thresholding: Bool?
    public var prediction: PredictionType?
    public var alphaToOne: Bool?
    public var zeroSNR: Bool?

    public init(dataset: DatasetKind? = nil, count: Int? = nil, seed: UInt64? = nil, model: ModelChoice? = nil, steps: Int? = nil, eta: Float? = nil, largeVariance: Bool? = nil,
                schedule: BetaSchedule? = nil, spacing: TimestepSpacing? = nil, clipping: Bool? = nil,
                clipRange: Float? = nil, thresholding: Bool? = nil, prediction: PredictionType? = nil,
                alphaToOne: Bool? = nil, zeroSNR: Bool? = nil) {
        self.dataset = dataset
        self.count = count
        self.seed = seed
        self.model = model
        self.steps = steps
        self.eta = eta
        self.largeVariance = largeVariance
        self.schedule = schedule
        self.spacing = spacing
        self.clipping = clipping
        self.clipRange = clipRange
        self.thresholding = thresholding
        self.prediction = prediction
        self.alphaToOne = alphaToOne
        self.zeroSNR = zeroSNR
    }

    /// `settings` with every field of this preset that is set; a learned model comes from
    /// `learned` (given the dataset), the exact model clears ``RunSettings/model``.
    public func applied(to settings: RunSettings, learned: (DatasetKind) -> RunModel? = { _ in nil }) -> RunSettings {
        var result = settings
        if let dataset { result.dataset = dataset; result.userPoints = nil }
        if let count { result.count = count }
        if let seed { result.seed = seed }
        switch model {
        case .exact?: result.model = nil
        case .learned?: result.model = learned(result.dataset)
        case nil: break
        }
        if let steps { result.steps = steps }
        if let eta { result.eta = eta }
        if let largeVariance { result.configuration.varianceKind = largeVariance ? .largeSigmaHat : .ddim }
        if let schedule { result.configuration.betaSchedule = schedule }
        if let spacing { result.configuration.timestepSpacing = spacing }
        if let clipping { result.configuration.clipSample = clipping }
        if let clipRange { result.configuration.clipSampleRange = clipRange }
        if let thresholding { result.configuration.thresholding = thresholding }
        if let prediction { result.configuration.predictionType = prediction }
        if let alphaToOne { result.configuration.setAlphaToOne = alphaToOne }
        if let zeroSNR { result.configuration.rescaleBetasZeroSnr = zeroSNR }
        return result
    }

    /// This preset with every field that `change` sets replaced.
    ///
    /// ```swift
    /// SettingsPreset(steps: 50, eta: 0).merging(SettingsPreset(eta: 1))   // steps 50, eta 1
    /// ```
    public func merging(_ change: SettingsPreset) -> SettingsPreset {
        var result = self
        if let v = change.dataset { result.dataset = v }
        if let v = change.count { result.count = v }
        if let v = change.seed { result.seed = v }
        if let v = change.model { result.model = v }
        if let v = change.steps { result.steps = v }
        if let v = change.eta { result.eta = v }
        if let v = change.largeVariance { result.largeVariance = v }
        if let v = change.schedule { result.schedule = v }
        if let v = change.spacing { result.spacing = v }
        if let v = change.clipping { result.clipping = v }
        if let v = change.clipRange { result.clipRange = v }
        if let v = change.thresholding { result.thresholding = v }
        if let v = change.prediction { result.prediction = v }
        if let v = change.alphaToOne { result.alphaToOne = v }
        if let v = change.zeroSNR { result.zeroSNR = v }
        return result
    }
}

/// Which model a preset puts in the loop.
public enum ModelChoice: String, Sendable, Hashable {
    /// The dataset's exact denoiser: no model error, only the sampler's.
    case exact
    /// The dataset's shipped trained network (`Assets/models/NAME.safetensors`).
    case learned
}
