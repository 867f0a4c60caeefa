/// A model in the loop other than the dataset's exact denoiser (a learned network, for example),
/// carried in ``RunSettings/model`` so that every run built from the settings (chains, tables,
/// inversion, the explorer's modes) uses it.
///
/// Two models are equal when their names are: name each one by where it came from (a file path,
/// or `learned:two-moons`).
///
/// ```swift
/// var settings = RunSettings(dataset: .twoMoons)
/// settings.model = RunModel(name: "moons.safetensors", denoiser: loaded.denoiser)
/// var chain = try SamplingChain(settings: settings)   // samples the learned model
/// ```
public struct RunModel: Sendable, Hashable, CustomStringConvertible {
    /// Where the model came from, for display and equality.
    public let name: String
    /// The model.
    public let denoiser: any Denoiser

    public init(name: String, denoiser: any Denoiser) {
        self.name = name
        self.denoiser = denoiser
    }

    public static func == (lhs: RunModel, rhs: RunModel) -> Bool { lhs.name == rhs.name }

    public func hash(into hasher: inout Hasher) { hasher.combine(name) }

    public var description: String { name }
}

extension RunSettings {
    /// The model in the loop: ``model`` when set, else the dataset's exact denoiser.
    ///
    /// ```swift
    /// let denoiser = try settings.makeDenoiser()
    /// ```
    public func makeDenoiser(parallelism: Parallelism = .automatic) throws -> any Denoiser {
        if let model { return model.denoiser }
        return try makeDataset().makeExactDenoiser(bandwidth: bandwidth, parallelism: parallelism)
    }
}
