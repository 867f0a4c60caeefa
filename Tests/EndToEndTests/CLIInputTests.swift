import Foundation
import Testing

/// Configs and CSV from pipes, FIFOs and process substitution; CSV read correctly or refused; messages
/// that blame only what the user set.
@Suite struct CLIInputTests {
    @Test func dataFromProcessSubstitutionAndStandardInput() throws {
        let substituted = try runShell("$BIN data --data <(printf '1,2\\n3,4\\n')")
        #expect(substituted.status == 0)
        #expect(substituted.stdout == "x,y\n1.0,2.0\n3.0,4.0\n")
        let piped = try runShell("printf '1,2\\n3,4\\n' | $BIN data --data /dev/stdin")
        #expect(piped.stdout == substituted.stdout)
    }

    @Test func dataFromAFIFO() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let result = try runShell("mkfifo '\(directory)/p'; printf '5,6\\n7,8\\n' > '\(directory)/p' & $BIN data --data '\(directory)/p'; wait")
        #expect(result.stdout == "x,y\n5.0,6.0\n7.0,8.0\n")
    }

    @Test func schedulerConfigFromProcessSubstitution() throws {
        let result = try runShell("$BIN inspect --scheduler-config <(printf '{\"num_train_timesteps\": 100}') --steps 4 --format csv")
        #expect(result.status == 0)
        #expect(!result.stdout.isEmpty)
        #expect(!result.stderr.contains("UTF-8"))
    }

    @Test func devNullIsAnEmptyFileNotAnEncodingError() throws {
        let result = try runExplorer(["data", "--data", "/dev/null"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("/dev/null: no points found"))
    }

    @Test func semicolonsWithDecimalCommasAreReadAsDecimals() throws {
        let result = try runShell("$BIN data --data <(printf 'x;y\\n0,1;0,2\\n0,3;0,4\\n')")
        #expect(result.status == 0)
        #expect(result.stdout == "x,y\n0.1,0.2\n0.3,0.4\n")
    }

    @Test func decimalCommasBetweenCommasAreRefusedNotMisread() throws {
        let result = try runShell("$BIN data --data <(printf 'x,y\\n0,1;0,2\\n0,3;0,4\\n')")
        #expect(result.status == 1)
        #expect(result.stderr.contains(":2: column 2: '1;0' is not a number"))
    }

    @Test func hugeValuesNameTheFileNotABandwidthTheUserNeverSet() throws {
        let result = try runShell("$BIN sample --count 10 --steps 2 --data <(printf '1e30,1\\n-1e30,2\\n3,4\\n')")
        #expect(result.status == 1)
        #expect(!result.stderr.contains("bandwidth"))
        #expect(result.stderr.contains("spreads too widely for 32-bit floats"))
    }

    @Test func noSuchFileOnlyWhenThatIsTheReason() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let missing = try runExplorer(["data", "--data", directory + "/missing.csv"])
        #expect(missing.stderr.contains("no such file"))
        let folder = try runExplorer(["data", "--data", directory])
        #expect(folder.stderr.contains("it is a directory") && !folder.stderr.contains("no such file"))
        let long = try runExplorer(["data", "--data", directory + "/" + String(repeating: "n", count: 300)])
        #expect(long.stderr.contains("the file name is too long") && !long.stderr.contains("no such file"))
    }

    @Test func benchDiffusersOnADirectorySaysSo() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let result = try runExplorer(["bench", "--quick", "--only", "canvas", "--diffusers", directory])
        #expect(result.status == 1)
        #expect(result.stderr.contains("it is a directory"))
        #expect(!result.stderr.contains("NSCocoaErrorDomain"))
    }
}
