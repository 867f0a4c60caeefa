import Foundation

/// The built `ddim-explorer` binary beside the test bundle.
var explorerBinaryPath: String {
    let directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    let binary = directory.appendingPathComponent("ddim-explorer")
    if FileManager.default.fileExists(atPath: binary.path) { return binary.path }
    return directory.deletingLastPathComponent().appendingPathComponent("ddim-explorer").path
}

/// Runs `script` in bash with `$BIN` set to the binary, as a user would type it (redirections, pipes,
/// process substitution); returns the exit status and both streams.
func runShell(_ script: String) throws -> (status: Int32, stdout: String, stderr: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = ["-c", script]
    var environment = ProcessInfo.processInfo.environment
    environment["BIN"] = explorerBinaryPath
    process.environment = environment
    return try runCapturingOutput(process)
}

/// Runs `process` with stdin from /dev/null until it ends; returns the exit status and both streams.
func runCapturingOutput(_ process: Process) throws -> (status: Int32, stdout: String, stderr: String) {
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

/// A fresh temporary directory; remove it with `FileManager.default.removeItem(atPath:)`.
func temporaryDirectory() throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("ddim-cli-tests-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}
