/// One Linear layer, y = W x + b, stored as PyTorch stores `nn.Linear`: the weight row-major
/// [outputs, inputs], the bias [outputs].
///
/// ```swift
/// let layer = DenseLayer(inputs: 2, outputs: 1, weight: [0.5, -1], bias: [0.1])
/// ```
public struct DenseLayer: Sendable, Equatable {
    /// Number of input values.
    public var inputs: Int
    /// Number of output values.
    public var outputs: Int
    /// Row-major [outputs, inputs]: `weight[o * inputs + i]` links input i to output o.
    public var weight: [Float]
    /// One value per output.
    public var bias: [Float]

    /// A layer from its values (``ToyMLP/init(architecture:layers:)`` checks the shapes).
    public init(inputs: Int, outputs: Int, weight: [Float], bias: [Float]) {
        self.inputs = inputs
        self.outputs = outputs
        self.weight = weight
        self.bias = bias
    }
}
