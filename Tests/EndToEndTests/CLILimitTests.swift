import Foundation
import Testing

/// Size and integer arguments at their extremes: an error naming the argument before any work, never a crash.
@Suite struct CLILimitTests {
    static let intMax = "9223372036854775807"

    @Test(arguments: [
        (["sample", "--count", "1000000000"], "--count"),
        (["sample", "--count", "1000000000000"], "--count"),
        (["sample", "--count", intMax], "--count"),
        (["data", "--count", "1000000000000"], "--count"),
        (["render", "--count", "1000000000", "--plain"], "--count"),
        (["render", "--width", "100000", "--height", "100000", "--plain"], "--width"),
        (["render", "--width", intMax, "--plain"], "--width"),
        (["interpolate", "--count", "1000000000"], "--frames"),
        (["interpolate", "--frames", "1000000000000"], "--frames"),
        (["interpolate", "--frames", intMax], "--frames"),
        (["table", "--count", "1000000000"], "--count"),
        (["table", "--inversion-count", "1000000000000"], "--inversion-count"),
    ])
    func sizesBeyondTheMemoryBudgetAreRefusedUpFront(arguments: [String], argument: String) throws {
        let result = try runExplorer(arguments)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("error: \(argument) "))
        #expect(result.stderr.contains("of memory ("))
        #expect(result.stderr.contains("so the largest \(argument) that fits is "))
    }

    @Test func theLargestValueThatFitsIsAccepted() throws {
        let refused = try runExplorer(["data", "--count", "1000000000000"])
        let largest = refused.stderr.split(separator: " ").last.flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        #expect(largest != nil && largest! > 1_000_000)
        // One more than the largest is refused too (the budget is exact, not a round number).
        let over = try runExplorer(["data", "--count", "\((largest ?? 0) + 1)"])
        #expect(over.status == 1 && over.stderr.contains("needs"))
    }

    @Test(arguments: ["sample", "render", "interpolate", "table", "inspect"])
    func aHugeStepsOffsetIsAnErrorOnEveryCommand(command: String) throws {
        let result = try runExplorer([command, "--steps-offset", Self.intMax])
        #expect(result.status == 1)
        #expect(result.stderr.contains("steps_offset is \(Self.intMax), which puts the largest leading timestep at"))
    }

    @Test(arguments: [
        (["sample", "--threads", intMax], "--threads"),
        (["sample", "--threads", "0"], "--threads"),
        (["table", "--repeats", intMax], "--repeats"),
    ])
    func integerArgumentsAreRangeChecked(arguments: [String], argument: String) throws {
        let result = try runExplorer(arguments)
        #expect(result.status == 1)
        #expect(result.stderr.contains("for \(argument); allowed: an integer from 1 to"))
    }

    @Test func aLargeRunStreamsWithoutKeepingEveryState() throws {
        // 200,000 points x 50 steps would hold 80 MB of states; streaming holds one batch.
        let result = try runShell("$BIN sample --count 200000 --steps 5 | tail -n +2 | wc -l")
        #expect(result.status == 0)
        #expect(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "200000")
    }

    @Test func streamedOutputEqualsTheKeptOutput() throws {
        let streamed = try runExplorer(["sample", "--count", "300", "--steps", "7", "--eta", "0.5", "--seed", "4"])
        let kept = try runExplorer(["sample", "--count", "300", "--steps", "7", "--eta", "0.5", "--seed", "4", "--every", "7"])
        let finalRows = lines(kept.stdout).dropFirst().filter { $0.hasPrefix("7,") }.map { String($0.dropFirst(2)) }
        #expect(lines(streamed.stdout).dropFirst().map { $0 } == finalRows)
        let json = try runExplorer(["sample", "--count", "3", "--steps", "2", "--format", "json"])
        #expect(json.stdout.hasPrefix("{\n  \"columns\": [\"x\", \"y\"],\n  \"data\": [\n    ["))
        #expect(json.stdout.hasSuffix("]\n  ]\n}\n"))
    }
}
