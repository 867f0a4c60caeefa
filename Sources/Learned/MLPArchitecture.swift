/// The shape of a ``ToyMLP``: hidden width, number of hidden layers and the widths of the two
/// input embeddings (see ``ToyMLP`` for the layout they define).
///
/// ```swift
/// let small = MLPArchitecture(hidden: 64, layers: 2, timeEmbedding: 16, fourierFeatures: 4)
/// small.inputWidth                 // 2 + 4 * 4 + 16 = 34
/// MLPArchitecture.default.inputWidth   // 66
/// ```
public struct MLPArchitecture: Sendable, Hashable {
    /// Width H of every hidden layer.
    public var hidden: Int
    /// Number L of hidden layers (Linear + GELU); the network has L + 1 Linear layers.
    public var layers: Int
    /// Width D of the sinusoidal timestep embedding (even; 0 = none).
    public var timeEmbedding: Int
    /// Number F of Fourier octaves per coordinate (0 = none); they add 4F inputs.
    public var fourierFeatures: Int

    /// An architecture; the defaults are the documented layout (H = 128, L = 3, D = 32, F = 8).
    public init(hidden: Int = 128, layers: Int = 3, timeEmbedding: Int = 32, fourierFeatures: Int = 8) {
        self.hidden = hidden
        self.layers = layers
        self.timeEmbedding = timeEmbedding
        self.fourierFeatures = fourierFeatures
    }

    /// The documented default layout: H = 128, L = 3, D = 32, F = 8.
    public static let `default` = MLPArchitecture()

    /// Width of an input row: x, y, 4F Fourier features and D embedding values.
    public var inputWidth: Int { 2 + 4 * fourierFeatures + timeEmbedding }

    /// Width of the spatial part of an input row (x, y and the Fourier features).
    var spatialWidth: Int { 2 + 4 * fourierFeatures }

    /// The (inputs, outputs) of each Linear layer, first to last.
    public var layerShapes: [(inputs: Int, outputs: Int)] {
        guard layers >= 1 else { return [] }
        return [(inputWidth, hidden)] + Array(repeating: (hidden, hidden), count: layers - 1) + [(hidden, 2)]
    }

    /// Number of trainable values (weights and biases).
    public var parameterCount: Int {
        layerShapes.reduce(0) { $0 + $1.outputs * ($1.inputs + 1) }
    }

    /// The largest hidden width accepted (with ``maximumLayers``, at most about 17 million
    /// parameters, so no flag or file can ask for an unbounded allocation).
    public static let maximumHidden = 1024
    /// The largest number of hidden layers accepted.
    public static let maximumLayers = 16
    /// The largest time embedding accepted.
    public static let maximumTimeEmbedding = 1024
    /// The largest number of Fourier octaves accepted (2^(F-1) pi/4 must stay a sensible frequency).
    public static let maximumFourierFeatures = 16

    /// Throws when a field is out of its range: hidden in 1...1024, layers in 1...16, an even
    /// time embedding in 0...1024, Fourier features in 0...16.
    ///
    /// ```swift
    /// try MLPArchitecture(hidden: 0).validate()   // ToyMLPError.invalidArchitecture(field: "hidden", ...)
    /// ```
    public func validate() throws(ToyMLPError) {
        guard (1...Self.maximumHidden).contains(hidden) else {
            throw .invalidArchitecture(field: "hidden", value: hidden, allowed: "1...\(Self.maximumHidden)")
        }
        guard (1...Self.maximumLayers).contains(layers) else {
            throw .invalidArchitecture(field: "layers", value: layers, allowed: "1...\(Self.maximumLayers)")
        }
        guard (0...Self.maximumTimeEmbedding).contains(timeEmbedding), timeEmbedding % 2 == 0 else {
            throw .invalidArchitecture(field: "time_embedding", value: timeEmbedding,
                                       allowed: "an even number in 0...\(Self.maximumTimeEmbedding)")
        }
        guard (0...Self.maximumFourierFeatures).contains(fourierFeatures) else {
            throw .invalidArchitecture(field: "fourier_features", value: fourierFeatures,
                                       allowed: "0...\(Self.maximumFourierFeatures)")
        }
    }
}
