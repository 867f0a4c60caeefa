/// Why a ``ToyMLP`` (or a call on it) was rejected.
///
/// ```swift
/// do { _ = try ToyMLP(architecture: .default, layers: []) }
/// catch { print(error) }   // "the network needs 4 Linear layers for 3 hidden layers, got 0"
/// ```
public enum ToyMLPError: Error, Equatable, CustomStringConvertible {
    /// An architecture field outside its range.
    case invalidArchitecture(field: String, value: Int, allowed: String)
    /// The wrong number of Linear layers for the architecture.
    case layerCount(expected: Int, got: Int)
    /// A layer whose declared shape differs from what the architecture needs.
    case layerShape(index: Int, expectedInputs: Int, expectedOutputs: Int, inputs: Int, outputs: Int)
    /// A layer whose weight or bias holds the wrong number of values.
    case valueCount(index: Int, tensor: String, expected: Int, got: Int)
    /// A per-row timestep list whose length differs from the number of rows.
    case timestepCount(count: Int, rows: Int)

    public var description: String {
        switch self {
        case .invalidArchitecture(let field, let value, let allowed):
            return "architecture field \(field) = \(value) is not allowed (expected \(allowed))"
        case .layerCount(let expected, let got):
            return "the network needs \(expected) Linear layers for \(expected - 1) hidden layers, got \(got)"
        case .layerShape(let index, let expectedInputs, let expectedOutputs, let inputs, let outputs):
            return "layer \(index) maps \(inputs) inputs to \(outputs) outputs; the architecture needs \(expectedInputs) to \(expectedOutputs)"
        case .valueCount(let index, let tensor, let expected, let got):
            return "layer \(index) \(tensor) holds \(got) values; its shape needs \(expected)"
        case .timestepCount(let count, let rows):
            return "\(count) timesteps given for \(rows) rows (expected one per row)"
        }
    }
}
