import DDIM
import Foundation
@testable import Learned

/// A plain scalar implementation of the documented layout in Double (after forming the float32
/// angles the layout defines): the reference for inference and gradient checks.
struct ReferenceNetwork {
    let architecture: MLPArchitecture
    let shapes: [(inputs: Int, outputs: Int)]
    var parameters: [Double]

    init(_ network: ToyMLP) {
        architecture = network.architecture
        shapes = architecture.layerShapes
        parameters = network.layers.flatMap { $0.weight.map(Double.init) + $0.bias.map(Double.init) }
    }

    /// [x, y, sin(angles), cos(angles), sin(t f), cos(t f)], angles as float32 products.
    func inputRow(x: Float, y: Float, timestep: Int) -> [Double] {
        let f = architecture.fourierFeatures, half = architecture.timeEmbedding / 2
        var angles = [Float]()
        for coordinate in [x, y] {
            for k in 0..<f { angles.append(coordinate * (Float(Double.pi / 4) * Float(1 << k))) }
        }
        let frequencies = (0..<half).map { Float(exp(-log(10_000.0) * Double($0) / Double(half))) }
        let timeAngles = frequencies.map { Float(timestep) * $0 }
        return [Double(x), Double(y)] + angles.map { sin(Double($0)) } + angles.map { cos(Double($0)) }
            + timeAngles.map { sin(Double($0)) } + timeAngles.map { cos(Double($0)) }
    }

    static func gelu(_ z: Double) -> Double { 0.5 * z * (1 + erf(z / 2.0.squareRoot())) }

    /// The network's two outputs for one input row.
    func output(_ input: [Double]) -> [Double] {
        var activation = input, offset = 0
        for (index, shape) in shapes.enumerated() {
            var next = [Double](repeating: 0, count: shape.outputs)
            for o in 0..<shape.outputs {
                var sum = parameters[offset + shape.inputs * shape.outputs + o]
                for i in 0..<shape.inputs { sum += parameters[offset + o * shape.inputs + i] * activation[i] }
                next[o] = index == shapes.count - 1 ? sum : Self.gelu(sum)
            }
            offset += shape.outputs * (shape.inputs + 1)
            activation = next
        }
        return activation
    }

    /// Mean squared error over all values of the rows' outputs against `targets`.
    func loss(inputs: [[Double]], targets: [Float]) -> Double {
        var sum = 0.0
        for (row, input) in inputs.enumerated() {
            let out = output(input)
            for c in 0..<2 {
                let error = out[c] - Double(targets[2 * row + c])
                sum += error * error
            }
        }
        return sum / Double(2 * inputs.count)
    }
}

/// A few deterministic pseudo-random values in [-scale, scale] (tests only).
func testValues(_ count: Int, seed: UInt64, scale: Float) -> [Float] {
    let g = PhiloxGenerator(seed: seed, stream: 77)
    return (0..<count).map { (2 * g.uniform(at: UInt64($0)) - 1) * scale }
}
