import Foundation
@testable import Learned

/// The bytes of a safetensors file with `header` as its JSON text (unpadded) and `buffer` after it;
/// `claimedLength` replaces the true header length in the first 8 bytes.
func safeTensorsBytes(header: String, buffer: [UInt8] = [], claimedLength: UInt64? = nil) -> Data {
    let json = Array(header.utf8)
    var bytes: [UInt8] = []
    withUnsafeBytes(of: (claimedLength ?? UInt64(json.count)).littleEndian) { bytes.append(contentsOf: $0) }
    return Data(bytes + json + buffer)
}

/// The little-endian bytes of `values` as float32.
func float32Bytes(_ values: [Float]) -> [UInt8] {
    values.flatMap { value in withUnsafeBytes(of: value.bitPattern.littleEndian) { Array($0) } }
}

/// The problem reading `bytes` reports, or nil when it reads.
func readProblem(_ bytes: Data) -> SafeTensorsError.Problem? {
    do {
        _ = try SafeTensorsFile(bytes: bytes, name: "test.safetensors")
        return nil
    } catch {
        return error.problem
    }
}

/// `Tests/LearnedTests/Fixtures/<name>`.
func learnedFixtureURL(_ name: String) -> URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").appendingPathComponent(name)
}

/// A fresh directory under the system's temporary directory; the caller removes it.
func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("learned-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
