import Foundation
import Testing

/// Writes to stdout, stderr and files: checked, atomic, and only as documented.
@Suite struct CLIOutputTests {
    @Test(arguments: [
        "$BIN sample --count 5 --steps 3 > /dev/full",
        "$BIN --help > /dev/full",
        "$BIN sample --help > /dev/full",
        "$BIN data --list > /dev/full",
        "$BIN inspect > /dev/full",
    ])
    func aFullDiskIsAnErrorWithAFailureStatus(script: String) throws {
        let result = try runShell(script)
        #expect(result.status == 1)
        #expect(result.stderr.hasSuffix("error: cannot write to standard output: no space left on the device\n"))
    }

    @Test func aClosedStandardOutputIsAnError() throws {
        let result = try runShell("$BIN sample --count 5 --steps 3 >&-")
        #expect(result.status == 1)
        #expect(result.stderr.contains("cannot write to standard output: it is closed"))
    }

    @Test func aFullStandardErrorIsAFailureStatusNotACrash() throws {
        let result = try runShell("$BIN sample --count 0 2>/dev/full; echo \"status $?\"")
        #expect(result.stdout == "status 1\n")
        #expect(result.stderr.isEmpty)
    }

    @Test func aReaderThatGoesAwayEndsTheProcessQuietly() throws {
        let result = try runShell("$BIN sample --count 1000000 --steps 2 | head -1; echo \"status ${PIPESTATUS[0]}\"")
        #expect(result.stdout == "x,y\nstatus 141\n")
        #expect(result.stderr.isEmpty)
    }

    @Test func svgFollowsASymbolicLinkAndKeepsIt() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Data("old".utf8).write(to: URL(fileURLWithPath: directory + "/real.svg"))
        try FileManager.default.createSymbolicLink(atPath: directory + "/link.svg", withDestinationPath: "real.svg")
        let result = try runExplorer(["render", "--plain", "--count", "50", "--steps", "3", "--svg", directory + "/link.svg"])
        #expect(result.status == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: directory + "/link.svg") == "real.svg")
        #expect(try String(contentsOfFile: directory + "/real.svg", encoding: .utf8).hasPrefix("<svg"))
    }

    @Test func svgToDevStdoutIsWrittenDirectly() throws {
        let result = try runShell("$BIN render --plain --count 50 --steps 3 --svg /dev/stdout | grep -c '<svg'; ls -l /dev/stdout | cut -c1")
        #expect(result.status == 0)
        #expect(result.stdout == "1\nl\n")
    }

    @Test func aFailedSvgWriteKeepsTheOldFileAndNamesTheReason() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let missing = try runExplorer(["render", "--plain", "--count", "20", "--steps", "2", "--svg", directory + "/no/such/dir/x.svg"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("--svg: cannot write '\(directory)/no/such/dir/x.svg': the directory does not exist"))
        let long = try runExplorer(["render", "--plain", "--count", "20", "--steps", "2", "--svg", directory + "/" + String(repeating: "n", count: 300)])
        #expect(long.stderr.contains("the file name is too long"))
        let isDirectory = try runExplorer(["render", "--plain", "--count", "20", "--steps", "2", "--svg", directory])
        #expect(isDirectory.stderr.contains("it is a directory"))
        #expect(!(missing.stderr + long.stderr + isDirectory.stderr).contains("NSCocoaErrorDomain"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
    }

    @Test func theHelpSaysHowFilesAreReplaced() throws {
        for command in ["render", "explore"] {
            let help = try runExplorer([command, "--help"]).stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(help.contains("An existing file is replaced only once"), "\(command)")
        }
    }
}
