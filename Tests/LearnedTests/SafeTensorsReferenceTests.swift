import Foundation
import Testing
@testable import Learned

/// Files written by the reference library (`safetensors.torch.save_file`, Tests/Scripts/safetensors_interop.py).
@Suite struct SafeTensorsReferenceTests {
    static let expectedWeight: [Float] = (0..<12).map { Float($0) / 8 - 0.75 }

    @Test func aFileWrittenByTheReferenceLibraryReads() throws {
        let file = try SafeTensorsFile(contentsOf: learnedFixtureURL("reference-written.safetensors"))
        #expect(file.metadata == ["format": "pt", "note": "café \"quoted\""])
        #expect(try file.floats("net.0.weight", shape: [3, 4]) == Self.expectedWeight)
        #expect(try file.floats("net.0.bias", shape: [3]) == [1.5, -2.25, 3.0e-8])
        #expect(try file.floats("scalar", shape: []) == [7])
        #expect(try file.floats("empty", shape: [0, 5]) == [])
        #expect(file.entries["half"]?.dtype == .f16)
        #expect(file.entries["half"]?.shape == [2])
    }

    @Test func theWriterProducesTheReferenceLibrarysBytes() throws {
        let reference = try Data(contentsOf: learnedFixtureURL("reference-written-f32.safetensors"))
        let tensors: [String: F32Tensor] = [
            "net.0.weight": F32Tensor(shape: [3, 4], values: Self.expectedWeight),
            "net.0.bias": F32Tensor(shape: [3], values: [1.5, -2.25, 3.0e-8]),
            "scalar": F32Tensor(shape: [], values: [7]),
            "empty": F32Tensor(shape: [0, 5], values: []),
        ].compactMapValues { $0 }
        #expect(SafeTensorsWriter.encode(tensors, metadata: ["format": "pt", "note": "café \"quoted\""]) == reference)
    }
}
