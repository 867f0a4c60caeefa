import DDIM

/// A small multilayer perceptron for 2-D points that sees the integer timestep, in the layout
/// shared with PyTorch (issue #9):
///
/// - Input row: [x, y, Fourier features, time embedding]. Fourier features (F octaves): angles
///   x_c 2^k pi/4 for c in (x, y), k in 0..<F, flattened c-major (index c F + k); the sines of all
///   2F angles, then their cosines. Time embedding (D even, h = D/2): frequencies
///   f_i = exp(-ln(10000) i / h), then sin(t f_i) for all i and cos(t f_i) for all i.
/// - Linear(2 + 4F + D, H), GELU, (Linear(H, H), GELU) x (L - 1), Linear(H, 2). GELU is the exact
///   erf form. Float32 throughout.
///
/// The frequencies f_i are computed in double precision and rounded once to float (in PyTorch:
/// build them in float64 and call `.float()`); 2^k pi/4 is float pi/4 times a power of two.
///
/// ```swift
/// let net = try ToyMLP(architecture: .default, seed: 1)
/// let eps = net.output(for: SampleBatch(count: 1, dimension: 2, values: [0.5, -1]), timestep: 999)
/// ```
public struct ToyMLP: Sendable, Equatable {
    /// The shape of the network.
    public let architecture: MLPArchitecture
    /// The L + 1 Linear layers, first to last.
    public internal(set) var layers: [DenseLayer]

    /// A freshly initialized network, like PyTorch's `nn.Linear` default: every weight and bias
    /// uniform in [-1/sqrt(inputs), 1/sqrt(inputs)], drawn from the `PhiloxGenerator` of `seed`.
    /// Throws for an architecture outside the ranges of ``MLPArchitecture/validate()``.
    ///
    /// ```swift
    /// let net = try ToyMLP(architecture: MLPArchitecture(hidden: 64), seed: 7)
    /// ```
    public init(architecture: MLPArchitecture = .default, seed: UInt64) throws(ToyMLPError) {
        try architecture.validate()
        let generator = PhiloxGenerator(seed: seed, stream: Self.initializationStream)
        var index: UInt64 = 0
        func uniform(count: Int, bound: Float) -> [Float] {
            (0..<count).map { _ in
                defer { index += 1 }
                return (2 * generator.uniform(at: index) - 1) * bound
            }
        }
        self.architecture = architecture
        layers = architecture.layerShapes.map { shape in
            let bound = 1 / Float(shape.inputs).squareRoot()
            let weight = uniform(count: shape.inputs * shape.outputs, bound: bound)
            return DenseLayer(inputs: shape.inputs, outputs: shape.outputs, weight: weight,
                              bias: uniform(count: shape.outputs, bound: bound))
        }
    }

    /// A network from its layers (for example read from a file); throws unless there are L + 1
    /// layers of exactly the architecture's shapes and value counts.
    ///
    /// ```swift
    /// let copy = try ToyMLP(architecture: net.architecture, layers: net.layers)
    /// ```
    public init(architecture: MLPArchitecture, layers: [DenseLayer]) throws(ToyMLPError) {
        try architecture.validate()
        let shapes = architecture.layerShapes
        guard layers.count == shapes.count else { throw .layerCount(expected: shapes.count, got: layers.count) }
        for (index, (layer, shape)) in zip(layers, shapes).enumerated() {
            guard layer.inputs == shape.inputs, layer.outputs == shape.outputs else {
                throw .layerShape(index: index, expectedInputs: shape.inputs, expectedOutputs: shape.outputs,
                                  inputs: layer.inputs, outputs: layer.outputs)
            }
            guard layer.weight.count == shape.inputs * shape.outputs else {
                throw .valueCount(index: index, tensor: "weight", expected: shape.inputs * shape.outputs, got: layer.weight.count)
            }
            guard layer.bias.count == shape.outputs else {
                throw .valueCount(index: index, tensor: "bias", expected: shape.outputs, got: layer.bias.count)
            }
        }
        self.architecture = architecture
        self.layers = layers
    }

    /// A network from layers already known to fit `architecture` (no checks).
    init(validArchitecture architecture: MLPArchitecture, layers: [DenseLayer]) {
        self.architecture = architecture
        self.layers = layers
    }

    /// The Philox stream of the initial weights (apart from the training streams).
    static let initializationStream: UInt32 = 0x1EA2_0001
}
