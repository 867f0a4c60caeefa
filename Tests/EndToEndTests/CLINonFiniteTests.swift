import Foundation
import Testing

/// Runs that produce NaN or infinity fail with exit status 3 naming the step and the setting.
@Suite struct CLINonFiniteTests {
    @Test(arguments: ["1e30", "3e38"])
    func aHugeEtaIsExitStatusThree(eta: String) throws {
        let result = try runExplorer(["sample", "--eta", eta, "--count", "20", "--steps", "5"])
        #expect(result.status == 3)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("the run produced NaN or infinity at step "))
        #expect(result.stderr.contains("eta "))
        #expect(result.stderr.contains("--allow-nonfinite"))
    }

    @Test func allowNonfinitePrintsTheRawValues() throws {
        let result = try runExplorer(["sample", "--eta", "1e30", "--count", "20", "--steps", "5", "--allow-nonfinite"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("nan") || result.stdout.contains("inf"))
        let json = try runExplorer(["sample", "--eta", "1e30", "--count", "20", "--steps", "5", "--allow-nonfinite", "--format", "json"])
        #expect(json.status == 0 && json.stdout.contains("null"))
    }

    @Test(arguments: ["1e-40", "1e-30"])
    func tinyTrainedBetasWithEtaOneNameTheSchedule(beta: String) throws {
        let betas = Array(repeating: beta, count: 10).joined(separator: ", ")
        let path = try temporaryFile("{\"num_train_timesteps\": 10, \"trained_betas\": [\(betas)]}", name: "tiny.json")
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let result = try runExplorer(["sample", "--scheduler-config", path, "--eta", "1", "--steps", "5", "--count", "10"])
        #expect(result.status == 3)
        #expect(result.stderr.contains("trained_betas"))
        #expect(!result.stderr.contains("nan"))
    }

    @Test func renderFailsTheSameWay() throws {
        let render = try runExplorer(["render", "--eta", "1e30", "--count", "20", "--steps", "5", "--plain"])
        #expect(render.status == 3 && render.stderr.contains("at step ") && render.stdout.isEmpty)
    }

    @Test func aTableWithANonFiniteCellFailsNamingTheCell() throws {
        let arguments = ["table", "--tables", "1", "--step-counts", "10", "--repeats", "1", "--count", "100",
                         "--dataset", "eight-gaussians", "--beta-start", "0.5", "--beta-end", "0.9", "--prediction-type", "v_prediction"]
        let result = try runExplorer(arguments)
        #expect(result.status == 3)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("S = 10 came out NaN or infinite"), "\(result.stderr)")
        let allowed = try runExplorer(arguments + ["--allow-nonfinite"])
        #expect(allowed.status == 0 && allowed.stdout.contains("nan"))
    }

    @Test func theStatusIsDocumentedInTheHelp() throws {
        let help = try runExplorer(["--help"])
        #expect(help.stdout.contains("3 when a run produced NaN or infinity"))
        let sample = try runExplorer(["sample", "--help"])
        #expect(sample.stdout.contains("--allow-nonfinite"))
        #expect(sample.stdout.contains("exit status 3"))
    }
}
