import Foundation
import Testing

/// Runs `binary` (default: the binary built with the tests) in `workingDirectory` (default: the
/// test's own working directory).
func runExplorer(_ arguments: [String], in workingDirectory: URL? = nil,
                 binary: URL = URL(fileURLWithPath: explorerBinaryPath)) throws -> (status: Int32, stdout: String, stderr: String) {
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    if let workingDirectory { process.currentDirectoryURL = workingDirectory }
    return try runCapturingOutput(process)
}

@Test func versionFlagPrintsTheVersion() throws {
    let result = try runExplorer(["--version"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("0.1.0"))
}
