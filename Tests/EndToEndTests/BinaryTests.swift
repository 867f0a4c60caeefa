import Foundation
import Testing

/// Runs the built `ddim-explorer` binary, which sits beside the test bundle.
func runExplorer(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
    let directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    var binary = directory.appendingPathComponent("ddim-explorer")
    if !FileManager.default.fileExists(atPath: binary.path) {
        binary = directory.deletingLastPathComponent().appendingPathComponent("ddim-explorer")
    }
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
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
