import Foundation
import Testing

/// The `ddim-explorer` binary built with the tests (it sits beside the test bundle).
let testedBinary: URL = {
    let directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    let binary = directory.appendingPathComponent("ddim-explorer")
    if FileManager.default.fileExists(atPath: binary.path) { return binary }
    return directory.deletingLastPathComponent().appendingPathComponent("ddim-explorer")
}()

/// Runs `binary` (default: the binary built with the tests) in `workingDirectory` (default: the
/// test's own working directory).
func runExplorer(_ arguments: [String], in workingDirectory: URL? = nil,
                 binary: URL = testedBinary) throws -> (status: Int32, stdout: String, stderr: String) {
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    if let workingDirectory { process.currentDirectoryURL = workingDirectory }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
}

@Test func versionFlagPrintsTheVersion() throws {
    let result = try runExplorer(["--version"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("0.1.0"))
}
