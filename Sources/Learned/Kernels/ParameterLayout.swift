/// Where each Linear layer's weight and bias sit in one flat array of parameters: layer by layer,
/// the weight (row-major [outputs, inputs]) then the bias, the order of PyTorch's `state_dict`.
///
/// ```swift
/// let layout = ParameterLayout(shapes: MLPArchitecture.default.layerShapes)
/// layout.weightOffsets[1]   // 66 * 128 + 128
/// ```
struct ParameterLayout: Sendable {
    let shapes: [(inputs: Int, outputs: Int)]
    let weightOffsets: [Int]
    let biasOffsets: [Int]
    /// Total number of parameters.
    let count: Int

    init(shapes: [(inputs: Int, outputs: Int)]) {
        self.shapes = shapes
        var weights = [Int](), biases = [Int](), offset = 0
        for shape in shapes {
            weights.append(offset)
            offset += shape.inputs * shape.outputs
            biases.append(offset)
            offset += shape.outputs
        }
        weightOffsets = weights
        biasOffsets = biases
        count = offset
    }

    /// Number of Linear layers.
    var layerCount: Int { shapes.count }
    /// The widest layer output (the width of the hidden activations).
    var widestOutput: Int { shapes.map(\.outputs).max() ?? 0 }
    /// Width of the network's input rows.
    var inputWidth: Int { shapes.first?.inputs ?? 0 }

    /// The layers' values flattened in this layout.
    static func flatten(_ layers: [DenseLayer]) -> [Float] {
        var values = [Float]()
        values.reserveCapacity(layers.reduce(0) { $0 + $1.weight.count + $1.bias.count })
        for layer in layers {
            values += layer.weight
            values += layer.bias
        }
        return values
    }
}
