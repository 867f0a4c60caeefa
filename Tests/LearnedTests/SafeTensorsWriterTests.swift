import Foundation
import Testing
@testable import Learned

@Suite struct SafeTensorsWriterTests {
    static let tensors: [String: F32Tensor] = [
        "net.0.weight": F32Tensor(shape: [2, 3], values: [1, -2, 3.5, .pi, -0.0, 1e-30]),
        "net.0.bias": F32Tensor(shape: [2], values: [.greatestFiniteMagnitude, -.leastNonzeroMagnitude]),
        "scalar": F32Tensor(shape: [], values: [7]),
    ].compactMapValues { $0 }

    @Test func savedTensorsAndMetadataReadBackBitForBit() throws {
        let metadata = ["format": "ddim-explorer-mlp", "json": #"{"a": [1, "\n"]}"#, "ünïcode": "σ"]
        let file = try SafeTensorsFile(bytes: SafeTensorsWriter.encode(Self.tensors, metadata: metadata), name: "t")
        #expect(file.metadata == metadata)
        #expect(Set(file.entries.keys) == Set(Self.tensors.keys))
        for (name, tensor) in Self.tensors {
            let values = try file.floats(name, shape: tensor.shape)
            #expect(values.map(\.bitPattern) == tensor.values.map(\.bitPattern), "\(name)")
        }
    }

    @Test func theHeaderIsPaddedToEightBytesAndTheBytesAreDeterministic() {
        let first = SafeTensorsWriter.encode(Self.tensors, metadata: ["b": "2", "a": "1"])
        let second = SafeTensorsWriter.encode(Self.tensors, metadata: ["a": "1", "b": "2"])
        #expect(first == second)
        let length = first.prefix(8).reversed().reduce(0) { $0 << 8 | Int($1) }
        #expect(length % 8 == 0)
        #expect(first.count == 8 + length + 4 * (6 + 2 + 1))
    }

    @Test func aTensorWhoseCountDoesNotMatchItsShapeCannotBeMade() {
        #expect(F32Tensor(shape: [2, 2], values: [1, 2, 3]) == nil)
        #expect(F32Tensor(shape: [-1], values: []) == nil)
        #expect(F32Tensor(shape: [0, 4], values: []) != nil)
    }
}
