import Foundation
import Testing

@Suite struct CLISampleTests {
    /// Same layout and values as the recorded run. Values may differ in the last float digits when the
    /// denoiser's vectorized exp changes, so they are compared to 1e-4; byte identity is checked by the
    /// determinism tests below.
    @Test func smallRunMatchesTheGoldenOutput() throws {
        let result = try runExplorer(["sample", "--count", "5", "--steps", "10", "--seed", "1"])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let rows = lines(result.stdout), golden = lines(CLIGolden.sampleCount5Steps10Seed1)
        #expect(rows.first == "x,y")
        #expect(rows.count == golden.count)
        for (row, expected) in zip(rows.dropFirst(), golden.dropFirst()) {
            let values = row.split(separator: ",").compactMap { Double($0) }
            let expectedValues = expected.split(separator: ",").compactMap { Double($0) }
            #expect(values.count == 2)
            #expect(zip(values, expectedValues).allSatisfy { abs($0 - $1) < 1e-4 }, "\(row) vs \(expected)")
        }
    }

    @Test func sameArgumentsGiveByteIdenticalOutput() throws {
        let arguments = ["sample", "--count", "300", "--steps", "20", "--eta", "1", "--seed", "7", "--dataset", "two-moons"]
        let first = try runExplorer(arguments)
        let second = try runExplorer(arguments)
        #expect(first.status == 0)
        #expect(first.stdout == second.stdout)
        #expect(lines(first.stdout).count == 301)
    }

    @Test(arguments: ["eight-gaussians", "two-moons"])
    func outputDoesNotDependOnTheNumberOfThreads(dataset: String) throws {
        let arguments = ["sample", "--count", "700", "--steps", "3", "--eta", "0.5", "--seed", "3", "--dataset", dataset]
        let one = try runExplorer(arguments + ["--threads", "1"])
        #expect(one.status == 0)
        for threads in ["2", "5"] {
            #expect(try runExplorer(arguments + ["--threads", threads]).stdout == one.stdout)
        }
        #expect(try runExplorer(arguments).stdout == one.stdout)
    }

    @Test func everyPrintsTheStatesWithAStepColumn() throws {
        let result = try runExplorer(["sample", "--count", "3", "--steps", "10", "--every", "4"])
        #expect(result.status == 0)
        let rows = lines(result.stdout)
        #expect(rows.first == "step,x,y")
        #expect(rows.dropFirst().map { $0.split(separator: ",")[0] } == ["0", "0", "0", "4", "4", "4", "8", "8", "8", "10", "10", "10"])
        let final = try runExplorer(["sample", "--count", "3", "--steps", "10"])
        #expect(Array(lines(final.stdout).dropFirst()) == rows.suffix(3).map { String($0.dropFirst(3)) })
    }

    @Test func jsonHasColumnsAndData() throws {
        let result = try runExplorer(["sample", "--count", "4", "--steps", "5", "--format", "json"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["columns"] as? [String] == ["x", "y"])
        #expect((object["data"] as? [[Double]])?.count == 4)
    }

    @Test func schedulerConfigFileIsReadAndFlagsOverrideIt() throws {
        let config = repositoryRoot.appendingPathComponent("Assets/schedulers/diffusers-defaults.json").path
        let withFile = try runExplorer(["sample", "--count", "5", "--steps", "10", "--seed", "1", "--scheduler-config", config, "--no-clip"])
        let plain = try runExplorer(["sample", "--count", "5", "--steps", "10", "--seed", "1", "--no-clip"])
        #expect(withFile.status == 0)
        #expect(withFile.stdout == plain.stdout)
    }

    @Test func userDataIsSampledWithItsDenoiser() throws {
        let path = try temporaryFile("x,y\n# two points\n1,1\n-1,-1\n", name: "points.csv")
        let result = try runExplorer(["sample", "--data", path, "--bandwidth", "0", "--count", "10", "--steps", "50"])
        #expect(result.status == 0)
        for row in lines(result.stdout).dropFirst() {
            let values = row.split(separator: ",").compactMap { Float($0) }
            #expect(values.count == 2)
            #expect(abs(abs(values[0]) - 1) < 0.05 && abs(abs(values[1]) - 1) < 0.05, "bandwidth 0 memorizes the points: \(row)")
        }
    }

    @Test(arguments: [
        (["sample", "--dataset", "nowhere"], "error: invalid value 'nowhere' for --dataset; allowed: one of eight-gaussians"),
        (["sample", "--steps", "0"], "error: invalid value '0' for --steps"),
        (["sample", "--steps", "1001"], "error: invalid value '1001' for --steps"),
        (["sample", "--eta=-0.5"], "error: invalid value '-0.5' for --eta"),
        (["sample", "--count", "0"], "error: invalid value '0' for --count"),
        (["sample", "--every", "0"], "error: invalid value '0' for --every"),
        (["sample", "--bandwidth=-1"], "error: invalid value '-1.0' for --bandwidth"),
        (["sample", "--scheduler-config", "/nonexistent/config.json"], "error: cannot read scheduler config '/nonexistent/config.json': no such file"),
        (["sample", "--data", "/nonexistent/points.csv"], "error: cannot read data file '/nonexistent/points.csv': no such file"),
        (["sample", "--skip", "quad", "--spacing", "trailing"], "error: --skip quad conflicts with --spacing trailing"),
        (["sample", "--standardize"], "error: --standardize applies to --data points"),
    ])
    func badInputFailsWithAClearMessage(arguments: [String], message: String) throws {
        let result = try runExplorer(arguments)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix(message), "stderr: \(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test(arguments: [
        (["sample", "--schedule", "cubic"], "'cubic' is invalid for '--schedule"),
        (["sample", "--spacing", "sideways"], "'sideways' is invalid for '--spacing"),
        (["sample", "--prediction-type", "noise"], "'noise' is invalid for '--prediction-type"),
        (["sample", "--noise", "white"], "'white' is invalid for '--noise"),
        (["sample", "--steps", "many"], "'many' is invalid for '--steps"),
    ])
    func unknownChoicesAreRejectedByTheParser(arguments: [String], message: String) throws {
        let result = try runExplorer(arguments)
        #expect(result.status != 0)
        #expect(result.stderr.contains(message), "stderr: \(result.stderr)")
    }

    @Test(arguments: [
        ("x,y\n1,2\n3,abc\n", ":3: column 2: 'abc' is not a number"),
        ("x,y\n1,2\n3\n", ":3: column 2: value is missing"),
        ("x,y\n1,2\nnan,4\n", ":3: column 1: 'nan' is not a finite number"),
        ("x,y\n1,2\n", "only one point"),
        ("# nothing here\n", "no points"),
    ])
    func badDataFilesNameTheLineAndColumn(text: String, fragment: String) throws {
        let path = try temporaryFile(text, name: "bad.csv")
        let result = try runExplorer(["sample", "--data", path, "--count", "3", "--steps", "2"])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("error: "))
        #expect(result.stderr.contains(path))
        #expect(result.stderr.lowercased().contains(fragment), "stderr: \(result.stderr)")
    }

    @Test func malformedConfigFileFails() throws {
        let path = try temporaryFile("{\"prediction_type\": 3}", name: "scheduler_config.json")
        let result = try runExplorer(["sample", "--scheduler-config", path])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("error: scheduler config '\(path)': prediction_type"))
    }

    @Test func helpShowsExamples() throws {
        let result = try runExplorer(["sample", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Examples:"))
        #expect(result.stdout.contains("--scheduler-config"))
        #expect(result.stdout.contains("--prev-timestep"))
    }
}
