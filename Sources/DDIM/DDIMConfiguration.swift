/// Every option of diffusers' `DDIMScheduler`, with diffusers' defaults, plus two project extras.
///
/// The property names are the camel-case forms of diffusers' config keys (`num_train_timesteps` is
/// ``numTrainTimesteps``). ``init(jsonData:)`` reads a diffusers `scheduler_config.json` and
/// ``jsonData()`` writes one that diffusers loads back.
///
/// ```swift
/// var config = DDIMConfiguration()            // DDIMScheduler() in diffusers
/// config.betaSchedule = .scaledLinear
/// config.betaStart = 0.00085
/// config.betaEnd = 0.012
/// config.timestepSpacing = .trailing
/// let scheduler = try DDIMScheduler(configuration: config)
/// ```
///
/// Two configurations are equal when every option is equal; where a configuration came from
/// (``sourceClassName``, ``ignoredKeys`` and the other keys of its file) takes no part in `==` or hashing.
public struct DDIMConfiguration: Sendable, Hashable {
    /// T, the number of training timesteps (`num_train_timesteps`, default 1000).
    public var numTrainTimesteps: Int = 1000
    /// First β of the linear schedules (`beta_start`, default 0.0001).
    public var betaStart: Float = 0.0001
    /// Last β of the linear schedules (`beta_end`, default 0.02).
    public var betaEnd: Float = 0.02
    /// How the βs are laid out (`beta_schedule`, default `linear`).
    public var betaSchedule: BetaSchedule = .linear
    /// Explicit βs, one per training timestep; overrides the schedule (`trained_betas`, default none).
    public var trainedBetas: [Float]? = nil
    /// Clamp the predicted x₀ to ±``clipSampleRange`` (`clip_sample`, default true).
    public var clipSample: Bool = true
    /// ᾱ of the final level: 1 if true, else ᾱ₀ (`set_alpha_to_one`, default true).
    public var setAlphaToOne: Bool = true
    /// Added to `leading` timesteps (`steps_offset`, default 0).
    public var stepsOffset: Int = 0
    /// What the model predicts (`prediction_type`, default `epsilon`).
    public var predictionType: PredictionType = .epsilon
    /// Dynamic thresholding of the predicted x₀ instead of clipping (`thresholding`, default false).
    public var thresholding: Bool = false
    /// Quantile of |x₀| per row used by thresholding (`dynamic_thresholding_ratio`, default 0.995).
    public var dynamicThresholdingRatio: Float = 0.995
    /// Bound for clipping (`clip_sample_range`, default 1).
    public var clipSampleRange: Float = 1
    /// Largest threshold s of dynamic thresholding (`sample_max_value`, default 1).
    public var sampleMaxValue: Float = 1
    /// How `setTimesteps` picks timesteps (`timestep_spacing`, default `leading`).
    public var timestepSpacing: TimestepSpacing = .leading
    /// Rescale βs to zero terminal SNR, Lin et al. 2023 (`rescale_betas_zero_snr`, default false).
    public var rescaleBetasZeroSnr: Bool = false
    /// Project extra (`previous_timestep_rule`): which level a step lands on. Default `.diffusers`.
    public var previousTimestepRule: PreviousTimestepRule = .diffusers
    /// Project extra (`variance_kind`): η-scaled DDIM noise or the paper's σ̂. Default `.ddim`.
    public var varianceKind: VarianceKind = .ddim
    /// The JSON object this configuration was read from (nil when built in code), kept so that
    /// ``jsonData()`` writes back every key, including those DDIM does not use, exactly as read.
    var source: ConfigurationSource? = nil

    /// Keys of the JSON this configuration was read from that DDIM does not use, sorted (for example
    /// `skip_prk_steps`); keys starting with `_` (`_class_name`, `_diffusers_version`) are metadata,
    /// which diffusers never passes to a scheduler, and are not listed. Empty for a configuration built in code.
    public var ignoredKeys: [String] {
        (source?.fields.keys.filter { !$0.hasPrefix("_") && !Self.optionKeys.contains($0) } ?? []).sorted()
    }

    /// The `_class_name` of the JSON this configuration was read from (`"PNDMScheduler"`, ...), nil
    /// when built in code or when the file has none. DDIM reads the keys it knows from any class,
    /// as diffusers' `DDIMScheduler.from_config` does.
    public var sourceClassName: String? {
        if case .string(let name)? = source?.fields["_class_name"] { return name }
        return nil
    }

    /// diffusers' `DDIMScheduler()` defaults.
    public init() {}

    public static func == (lhs: DDIMConfiguration, rhs: DDIMConfiguration) -> Bool {
        lhs.options == rhs.options
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(options)
    }

    /// Everything but `source`, for equality and hashing.
    private var options: Options {
        Options(numTrainTimesteps: numTrainTimesteps, betaStart: betaStart, betaEnd: betaEnd, betaSchedule: betaSchedule,
                trainedBetas: trainedBetas, clipSample: clipSample, setAlphaToOne: setAlphaToOne, stepsOffset: stepsOffset,
                predictionType: predictionType, thresholding: thresholding,
                dynamicThresholdingRatio: dynamicThresholdingRatio, clipSampleRange: clipSampleRange,
                sampleMaxValue: sampleMaxValue, timestepSpacing: timestepSpacing, rescaleBetasZeroSnr: rescaleBetasZeroSnr,
                previousTimestepRule: previousTimestepRule, varianceKind: varianceKind)
    }

    private struct Options: Hashable {
        var numTrainTimesteps: Int, betaStart: Float, betaEnd: Float, betaSchedule: BetaSchedule, trainedBetas: [Float]?
        var clipSample: Bool, setAlphaToOne: Bool, stepsOffset: Int, predictionType: PredictionType, thresholding: Bool
        var dynamicThresholdingRatio: Float, clipSampleRange: Float, sampleMaxValue: Float, timestepSpacing: TimestepSpacing
        var rescaleBetasZeroSnr: Bool, previousTimestepRule: PreviousTimestepRule, varianceKind: VarianceKind
    }
}

extension DDIMConfiguration {
    /// The largest `num_train_timesteps` accepted (real models use 1000; this bounds memory).
    public static let maximumTrainTimesteps = 1_000_000

    /// Checks every numeric option; ``DDIMScheduler/init(configuration:)`` calls this.
    ///
    /// ```swift
    /// var config = DDIMConfiguration()
    /// config.numTrainTimesteps = 0
    /// try config.validate()   // throws: num_train_timesteps is 0; allowed: an integer >= 1
    /// ```
    public func validate() throws(DDIMError) {
        guard numTrainTimesteps >= 1 && numTrainTimesteps <= Self.maximumTrainTimesteps else {
            throw .invalidValue(field: "num_train_timesteps", value: "\(numTrainTimesteps)",
                                allowed: "an integer from 1 to \(Self.maximumTrainTimesteps)")
        }
        if trainedBetas == nil && betaSchedule != .squaredcosCapV2 {
            for (field, value) in [("beta_start", betaStart), ("beta_end", betaEnd)] where !(value > 0 && value < 1) {
                throw .invalidValue(field: field, value: "\(value)", allowed: "0 < \(field) < 1")
            }
        }
        // An offset past the schedule only matters for `leading` spacing (the other spacings ignore it,
        // as diffusers does); TimestepSelection refuses it there, naming the largest offset that fits.
        guard stepsOffset >= 0 else {
            throw .invalidValue(field: "steps_offset", value: "\(stepsOffset)", allowed: "an integer >= 0")
        }
        guard dynamicThresholdingRatio >= 0 && dynamicThresholdingRatio <= 1 else {
            throw .invalidValue(field: "dynamic_thresholding_ratio", value: "\(dynamicThresholdingRatio)", allowed: "0 ... 1")
        }
        guard clipSampleRange > 0 && clipSampleRange.isFinite else {
            throw .invalidValue(field: "clip_sample_range", value: "\(clipSampleRange)", allowed: "a finite value > 0")
        }
        guard sampleMaxValue > 0 && sampleMaxValue.isFinite else {
            throw .invalidValue(field: "sample_max_value", value: "\(sampleMaxValue)", allowed: "a finite value > 0")
        }
        if let betas = trainedBetas {
            guard betas.count == numTrainTimesteps else {
                throw .trainedBetasLength(count: betas.count, numTrainTimesteps: numTrainTimesteps)
            }
            if let index = betas.firstIndex(where: { !($0 > 0 && $0 < 1) }) {
                throw .trainedBetaOutOfRange(index: index, value: betas[index])
            }
        }
    }
}
