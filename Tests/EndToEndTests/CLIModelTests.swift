import Foundation
import Learned
import Testing
import ToyWorld

/// `train`, `models` and `--model` through the built binary.
@Suite struct CLIModelTests {
    /// A tiny, quick network (debug builds train at a few steps per second at the default size).
    static let tinyTraining = ["--steps", "4", "--batch", "16", "--hidden", "8", "--layers", "1", "--fourier", "1",
                               "--time-embedding", "4", "--no-timing"]

    /// Trains a tiny model on `dataset` into a fresh temporary directory; returns the file's path.
    static func trainTiny(dataset: String = "two-moons", extra: [String] = []) throws -> String {
        let directory = try temporaryFile("", name: "placeholder")
        let out = URL(fileURLWithPath: directory).deletingLastPathComponent().appendingPathComponent("tiny.safetensors").path
        let result = try runExplorer(["train", "--dataset", dataset, "--out", out] + tinyTraining + extra)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("saved \(out): 4 steps"))
        return out
    }

    static func removeDirectory(of path: String) {
        try? FileManager.default.removeItem(at: URL(fileURLWithPath: path).deletingLastPathComponent())
    }

    @Test func trainThenSampleTheFileEndToEnd() throws {
        let path = try Self.trainTiny()
        defer { Self.removeDirectory(of: path) }
        let model = try ModelFile(contentsOf: URL(fileURLWithPath: path))
        #expect(model.dataset == "two-moons")
        #expect(model.training?.steps == 4)
        #expect(model.training?.seconds == 0)
        #expect(model.network.architecture == MLPArchitecture(hidden: 8, layers: 1, timeEmbedding: 4, fourierFeatures: 1))
        let learned = try runExplorer(["sample", "--model", path, "--count", "6", "--steps", "3"])
        #expect(learned.status == 0, "\(learned.stderr)")
        #expect(lines(learned.stdout).count == 7)
        let exact = try runExplorer(["sample", "--dataset", "two-moons", "--count", "6", "--steps", "3"])
        #expect(lines(exact.stdout).count == 7)
        #expect(learned.stdout != exact.stdout)
        #expect(try runExplorer(["sample", "--model", path, "--count", "6", "--steps", "3"]).stdout == learned.stdout)
    }

    @Test func theSameTrainingCommandWritesTheSameBytes() throws {
        let first = try Self.trainTiny(dataset: "circles")
        defer { Self.removeDirectory(of: first) }
        let second = try Self.trainTiny(dataset: "circles")
        defer { Self.removeDirectory(of: second) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: first)) == Data(contentsOf: URL(fileURLWithPath: second)))
    }

    @Test func resumeContinuesToTheTotalStepCount() throws {
        let path = try Self.trainTiny()
        defer { Self.removeDirectory(of: path) }
        let result = try runExplorer(["train", "--resume", path, "--out", path, "--steps", "6", "--batch", "16", "--no-timing"])
        #expect(result.status == 0, "\(result.stderr)")
        let model = try ModelFile(contentsOf: URL(fileURLWithPath: path))
        #expect(model.training?.steps == 6)
        #expect(model.dataset == "two-moons")
        let mismatch = try runExplorer(["train", "--resume", path, "--out", path, "--hidden", "9"])
        #expect(mismatch.status == 1)
        #expect(mismatch.stderr.contains("--hidden"))
    }

    @Test func ctrlCSavesWhatWasTrainedAndSaysSo() throws {
        let directory = URL(fileURLWithPath: try temporaryFile("", name: "placeholder")).deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("interrupted.safetensors")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: builtExplorerPath())
        process.arguments = ["train", "--dataset", "two-moons", "--out", out.path, "--steps", "100000", "--batch", "16",
                             "--hidden", "8", "--layers", "1"]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Interrupt once training reports progress (a fixed delay loses the race on a loaded machine).
        var seen = Data()
        while !String(decoding: seen, as: UTF8.self).contains("step ") {
            let chunk = err.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen.append(chunk)
        }
        process.interrupt()
        let stderr = String(decoding: seen + err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)
        #expect(stderr.contains("interrupted: saved \(out.path)"))
        let model = try ModelFile(contentsOf: out)
        #expect((model.training?.steps ?? 0) > 0)
        #expect((model.training?.steps ?? 0) < 100_000)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["interrupted.safetensors", "placeholder"])
    }

    @Test func aModelFileBringsItsScheduleAndFlagsOverrideIt() throws {
        let path = try Self.trainTiny(extra: ["--spacing", "trailing"])
        defer { Self.removeDirectory(of: path) }
        let table = ["table", "--model", path, "--tables", "2", "--inversion-step-counts", "2", "--inversion-count", "5"]
        let own = try runExplorer(table)
        #expect(own.status == 0, "\(own.stderr)")
        #expect(own.stdout.contains("trailing spacing"))
        #expect(own.stdout.contains("model \(path)"))
        let overridden = try runExplorer(table + ["--spacing", "leading"])
        #expect(overridden.stdout.contains("leading spacing"))
    }

    @Test func aBrokenModelFileIsAnErrorNamingTheFile() throws {
        let path = try temporaryFile("not a model", name: "broken.safetensors")
        defer { Self.removeDirectory(of: path) }
        let result = try runExplorer(["sample", "--model", path, "--count", "2"])
        #expect(result.status == 1)
        #expect(result.stderr.contains(path))
        #expect(result.stderr.contains("header length"))
        let unknown = try runExplorer(["sample", "--model", "no-such-model"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("exact, learned, a shipped model (checkerboard"))
    }

    @Test func learnedWorksInEveryCommand() throws {
        let common = ["--dataset", "two-moons", "--model", "learned", "--count", "20", "--steps", "3"]
        let commands: [[String]] = [
            ["sample"] + common,
            ["interpolate", "--frames", "2"] + common,
            ["render", "--plain", "--width", "40", "--height", "12"] + common,
            ["explore", "--benchmark-frames", "2"] + common,
            ["table", "--dataset", "two-moons", "--model", "learned", "--tables", "1", "--step-counts", "2", "--count", "20",
             "--repeats", "1"],
            ["table", "--dataset", "two-moons", "--model", "learned", "--tables", "2", "--inversion-step-counts", "2",
             "--inversion-count", "10"],
        ]
        for arguments in commands {
            let result = try runExplorer(arguments)
            #expect(result.status == 0, "\(arguments.joined(separator: " ")): \(result.stderr)")
            #expect(!result.stdout.isEmpty, "\(arguments.joined(separator: " "))")
        }
        let sampled = try runExplorer(["sample"] + common)
        let exact = try runExplorer(["sample", "--dataset", "two-moons", "--count", "20", "--steps", "3"])
        #expect(sampled.stdout != exact.stdout)
    }

    @Test func everyBuiltInDatasetHasAShippedModelThatModelsLists() throws {
        let result = try runExplorer(["models"])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = lines(result.stdout)
        #expect(rows.first?.hasPrefix("name") == true)
        for kind in DatasetKind.allCases {
            let row = rows.first { $0.hasPrefix(kind.rawValue + " ") }
            #expect(row != nil, "no model for \(kind.rawValue)")
            #expect(row?.contains(" s ") == true)
        }
    }

    @Test func everyShippedModelLoadsAndMeetsItsRecordedQuality() throws {
        let result = try runExplorer(["models", "--check"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(lines(result.stderr).filter { $0.hasSuffix(" ok") }.count == DatasetKind.allCases.count)
    }
}
