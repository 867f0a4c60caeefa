/// Everything that determines one sampling run: same settings, same points, on any machine and
/// any number of cores.
///
/// ```swift
/// var settings = RunSettings(dataset: .twoMoons)
/// settings.steps = 20
/// settings.eta = 0.5
/// settings.configuration.timestepSpacing = .trailing
/// var chain = try SamplingChain(settings: settings)
/// try chain.runToEnd()
/// ```
public struct RunSettings: Sendable, Hashable {
    /// The built-in dataset (ignored when ``userPoints`` is set).
    public var dataset: DatasetKind
    /// Points read from a user file; when set they replace ``dataset``.
    public var userPoints: SampleBatch?
    /// A display name for ``userPoints`` (usually the file name).
    public var userPointsName: String
    /// Number of points in the chain.
    public var count: Int
    /// The seed of the noise (x_T and every stochastic step).
    public var seed: UInt64
    /// The scheduler's options (diffusers' DDIMScheduler config). The default is diffusers' default
    /// except `clip_sample`, which is off: the toy datasets reach |x| ~ 2.5, and diffusers' default
    /// clipping of x0 to [-1, 1] would squash them (switch it on to see that happen).
    public var configuration: DDIMConfiguration
    /// Number of inference steps.
    public var steps: Int
    /// eta: 0 is DDIM (deterministic), 1 is DDPM's posterior variance.
    public var eta: Float
    /// diffusers' `use_clipped_model_output`.
    public var useClippedModelOutput: Bool
    /// Where the noise comes from.
    public var noise: NoiseKind
    /// Kernel width of the exact denoiser; nil = the dataset's default (closed form for mixtures).
    public var bandwidth: Float?
    /// The model in the loop; nil = the dataset's exact denoiser (see ``makeDenoiser(parallelism:)``).
    public var model: RunModel?

    public init(dataset: DatasetKind = .eightGaussians, userPoints: SampleBatch? = nil, userPointsName: String = "user data",
                count: Int = 2000, seed: UInt64 = 0, configuration: DDIMConfiguration = RunSettings.defaultConfiguration,
                steps: Int = 50, eta: Float = 0, useClippedModelOutput: Bool = false, noise: NoiseKind = .philox,
                bandwidth: Float? = nil, model: RunModel? = nil) {
        self.dataset = dataset
        self.userPoints = userPoints
        self.userPointsName = userPointsName
        self.count = count
        self.seed = seed
        self.configuration = configuration
        self.steps = steps
        self.eta = eta
        self.useClippedModelOutput = useClippedModelOutput
        self.noise = noise
        self.bandwidth = bandwidth
        self.model = model
    }

    /// diffusers' default DDIM configuration with `clip_sample` off (see ``configuration``).
    public static var defaultConfiguration: DDIMConfiguration {
        var configuration = DDIMConfiguration()
        configuration.clipSample = false
        return configuration
    }

    /// The data distribution of the run: the user points if any, else the built-in dataset.
    public func makeDataset() -> Dataset {
        if let userPoints { return .points(userPoints, name: userPointsName) }
        return .builtin(dataset)
    }

    /// The dataset's display name.
    public var datasetName: String {
        userPoints == nil ? dataset.rawValue : userPointsName
    }
}
