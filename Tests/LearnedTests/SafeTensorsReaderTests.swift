import Foundation
import Testing
@testable import Learned

/// Every kind of bad file gives its own error, and no file makes the reader crash.
@Suite struct SafeTensorsReaderTests {
    static let twoFloats = float32Bytes([1, 2])

    @Test func aValidHandWrittenFileReads() throws {
        let bytes = safeTensorsBytes(header: #"{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"__metadata__":{"k":"v"}}"#,
                                     buffer: Self.twoFloats)
        let file = try SafeTensorsFile(bytes: bytes, name: "ok.safetensors")
        #expect(try file.floats("a", shape: [2]) == [1, 2])
        #expect(file.metadata == ["k": "v"])
    }

    @Test(arguments: [0, 1, 7])
    func fewerThanEightBytesIsTooShort(count: Int) {
        #expect(readProblem(Data(repeating: 0, count: count)) == .tooShort(byteCount: count))
    }

    @Test func aHeaderAboveTheLimitIsRefusedBeforeAnyAllocation() {
        let bytes = safeTensorsBytes(header: "{}", claimedLength: 1 << 62)
        #expect(readProblem(bytes) == .headerTooLarge(length: 1 << 62, limit: 100_000_000))
    }

    @Test func aHeaderLongerThanTheFileIsTruncated() {
        let bytes = safeTensorsBytes(header: "{}", claimedLength: 1000)
        #expect(readProblem(bytes) == .headerTruncated(length: 1000, available: 2))
    }

    @Test(arguments: ["[1,2]", "{\"a\": ", "{\"a\":1", "   {}", "{\"a\":\u{1}}"])
    func aHeaderThatIsNotAJSONObjectIsRefused(header: String) {
        guard case .headerNotJSON? = readProblem(safeTensorsBytes(header: header)) else {
            Issue.record("\(header) was not refused as JSON")
            return
        }
    }

    @Test func invalidUTF8InTheHeaderIsRefused() {
        var bytes = Array(safeTensorsBytes(header: #"{"a":"xx"}"#))
        bytes[14] = 0xFF
        guard case .headerNotJSON? = readProblem(Data(bytes)) else {
            Issue.record("invalid UTF-8 was not refused")
            return
        }
    }

    @Test func anUnknownDTypeIsNamed() {
        let bytes = safeTensorsBytes(header: #"{"a":{"dtype":"F33","shape":[2],"data_offsets":[0,8]}}"#, buffer: Self.twoFloats)
        #expect(readProblem(bytes) == .unknownDType(name: "a", dtype: "F33"))
    }

    @Test(arguments: [
        #"{"a":5}"#,
        #"{"a":{"shape":[2],"data_offsets":[0,8]}}"#,
        #"{"a":{"dtype":"F32","data_offsets":[0,8]}}"#,
        #"{"a":{"dtype":"F32","shape":[-2],"data_offsets":[0,8]}}"#,
        #"{"a":{"dtype":"F32","shape":[2.5],"data_offsets":[0,8]}}"#,
        #"{"a":{"dtype":"F32","shape":["2"],"data_offsets":[0,8]}}"#,
        #"{"a":{"dtype":"F32","shape":[true],"data_offsets":[0,8]}}"#,
        #"{"a":{"dtype":"F32","shape":[2]}}"#,
        #"{"a":{"dtype":"F32","shape":[2],"data_offsets":[8,0]}}"#,
        #"{"a":{"dtype":"F32","shape":[2],"data_offsets":[0]}}"#,
        #"{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8,16]}}"#,
        #"{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,1e300]}}"#,
        #"{"a":{"dtype":"F32","shape":[4294967296,4294967296,4294967296],"data_offsets":[0,8]}}"#,
        #"{"__metadata__":{"k":1},"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}"#,
        #"{"__metadata__":[],"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}"#,
    ])
    func aMalformedEntryIsNamed(header: String) {
        let problem = readProblem(safeTensorsBytes(header: header, buffer: Self.twoFloats))
        guard case .invalidEntry(let name, _)? = problem else {
            Issue.record("\(header) gave \(String(describing: problem))")
            return
        }
        #expect(name == "a" || name == "__metadata__")
    }

    @Test func aByteRangeThatDoesNotFitTheShapeIsASizeMismatch() {
        let bytes = safeTensorsBytes(header: #"{"a":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}}"#, buffer: Self.twoFloats)
        #expect(readProblem(bytes) == .sizeMismatch(name: "a", expected: 12, found: 8))
    }

    @Test func aTensorPastTheEndOfTheBufferIsTruncated() {
        let bytes = safeTensorsBytes(header: #"{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}"#, buffer: [0, 0, 128, 63])
        #expect(readProblem(bytes) == .offsetsOutOfRange(name: "a", end: 8, bufferSize: 4))
    }

    @Test func overlappingTensorsAreRefused() {
        let header = #"{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}}"#
        #expect(readProblem(safeTensorsBytes(header: header, buffer: float32Bytes([1, 2, 3]))) == .overlap(name: "b", other: "a"))
    }

    @Test func aHoleBetweenTensorsIsRefused() {
        let header = #"{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"b":{"dtype":"F32","shape":[1],"data_offsets":[8,12]}}"#
        #expect(readProblem(safeTensorsBytes(header: header, buffer: float32Bytes([1, 2, 3]))) == .hole(before: "b", offset: 4))
    }

    @Test func bytesAfterTheLastTensorAreRefused() {
        let header = #"{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}"#
        #expect(readProblem(safeTensorsBytes(header: header, buffer: Self.twoFloats)) == .trailingBytes(dataEnd: 4, bufferSize: 8))
    }

    @Test func askingForAnAbsentTensorOrTheWrongDTypeOrShapeIsAnError() throws {
        let header = #"{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"h":{"dtype":"F16","shape":[2],"data_offsets":[8,12]}}"#
        let file = try SafeTensorsFile(bytes: safeTensorsBytes(header: header, buffer: float32Bytes([1, 2]) + [0, 60, 0, 64]),
                                       name: "f.safetensors")
        #expect(throws: SafeTensorsError(file: "f.safetensors", problem: .missingTensor("b"))) { try file.floats("b", shape: [2]) }
        #expect(throws: SafeTensorsError(file: "f.safetensors", problem: .wrongDType(name: "h", found: "F16", expected: "F32"))) {
            try file.floats("h", shape: [2])
        }
        #expect(throws: SafeTensorsError(file: "f.safetensors", problem: .wrongShape(name: "a", found: [2], expected: [1, 2]))) {
            try file.floats("a", shape: [1, 2])
        }
    }

    @Test func aMissingFileOrADirectoryIsUnreadableAndTheMessageNamesIt() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let missing = directory.appendingPathComponent("nope.safetensors")
        let error = #expect(throws: SafeTensorsError.self) { try SafeTensorsFile(contentsOf: missing) }
        #expect(error?.problem == .unreadable("no such file"))
        #expect(error?.description.hasPrefix(missing.path + ": ") == true)
        let directoryError = #expect(throws: SafeTensorsError.self) { try SafeTensorsFile(contentsOf: directory) }
        #expect(directoryError?.problem == .unreadable("it is a directory"))
    }

    @Test func everyTruncationOfAValidFileIsAnErrorNotACrash() throws {
        let tensors = ["w": F32Tensor(shape: [2, 3], values: [1, 2, 3, 4, 5, 6]), "b": F32Tensor(shape: [2], values: [7, 8])]
        let bytes = SafeTensorsWriter.encode(tensors.compactMapValues { $0 }, metadata: ["format": "pt"])
        for length in 0..<bytes.count {
            #expect(readProblem(bytes.prefix(length)) != nil, "prefix of \(length) bytes read")
        }
        #expect(readProblem(bytes) == nil)
    }

    @Test func corruptingAnyHeaderByteNeverCrashes() throws {
        let bytes = SafeTensorsWriter.encode(["w": try #require(F32Tensor(shape: [2], values: [1, 2]))], metadata: ["k": "v"])
        for index in 0..<(bytes.count - 8) {
            for replacement: UInt8 in [0, 0x22, 0x39, 0x7B, 0x7D, 0xFF] {
                var corrupt = bytes
                corrupt[index] = replacement
                _ = readProblem(corrupt)
            }
        }
    }
}
