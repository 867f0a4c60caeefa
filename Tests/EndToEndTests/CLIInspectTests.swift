import Foundation
import Testing

@Suite struct CLIInspectTests {
    @Test func defaultsAtTenStepsPrintTheTimestepTable() throws {
        let result = try runExplorer(["inspect", "--steps", "10"])
        #expect(result.status == 0)
        let rows = lines(result.stdout)
        #expect(rows.first == "step,timestep,prev_timestep,next_timestep,alpha_bar,alpha_bar_prev,snr,sigma")
        #expect(rows.count == 11)
        #expect(rows[1].hasPrefix("0,900,800,800,"))
        #expect(rows[10].hasPrefix("9,0,-100,-1,0.9999,1.0,"))
        #expect(result.stderr.contains("warning: leading spacing starts at timestep 900"))
    }

    @Test func stableDiffusionConfigWarnsAboutResidualNoiseAndIgnoredKeys() throws {
        let config = repositoryRoot.appendingPathComponent("Assets/schedulers/stable-diffusion-v1.json").path
        let result = try runExplorer(["inspect", config, "--steps", "50"])
        #expect(result.status == 0)
        #expect(lines(result.stdout)[1].hasPrefix("0,981,961,961,"))
        #expect(result.stderr.contains("set_alpha_to_one is false"))
        #expect(result.stderr.contains("ignored config keys"))
    }

    @Test func flagsOverrideTheConfigFile() throws {
        let config = repositoryRoot.appendingPathComponent("Assets/schedulers/stable-diffusion-v1.json").path
        let result = try runExplorer(["inspect", config, "--steps", "7", "--spacing", "trailing", "--set-alpha-to-one"])
        #expect(result.status == 0)
        #expect(lines(result.stdout)[1].hasPrefix("0,999,"))
        #expect(result.stderr.contains("t - T/S does not match the schedule"))
        #expect(!result.stderr.contains("set_alpha_to_one is false"))
    }

    @Test func zeroSNRWithEpsilonWarns() throws {
        let result = try runExplorer(["inspect", "--zero-snr", "--spacing", "trailing", "--steps", "5"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("divides by zero"))
    }

    @Test func jsonCarriesTheWarnings() throws {
        let result = try runExplorer(["inspect", "--steps", "4", "--no-set-alpha-to-one", "--format", "json"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let warnings = try #require(object["warnings"] as? [[String: String]])
        #expect(warnings.map { $0["name"] } == ["leading-misses-last-timestep", "residual-noise"])
        #expect((object["data"] as? [[Any]])?.count == 4)
        #expect(result.stderr.isEmpty)
    }

    @Test func stepsOffsetPastTheScheduleFailsWithAWarning() throws {
        let result = try runExplorer(["inspect", "--steps", "10", "--steps-offset", "100"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("warning: steps_offset 100"))
        #expect(result.stderr.contains("error: steps_offset is 100"))
    }

    @Test(arguments: [
        (["inspect", "--steps", "0"], "error: invalid value '0' for --steps"),
        (["inspect", "/nonexistent/scheduler.json"], "error: cannot read scheduler config '/nonexistent/scheduler.json': no such file"),
        (["inspect", "--eta=-1"], "error: invalid value '-1.0' for --eta"),
    ])
    func badInputFails(arguments: [String], message: String) throws {
        let result = try runExplorer(arguments)
        #expect(result.status != 0)
        #expect(result.stderr.contains(message))
        #expect(result.stdout.isEmpty)
    }

    @Test func malformedJSONConfigFails() throws {
        let path = try temporaryFile(#"{"beta_schedule": "#, name: "scheduler_config.json")
        let result = try runExplorer(["inspect", path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("error: scheduler config '\(path)'"))
        #expect(result.stderr.contains("not a JSON object"))
    }

    @Test func unknownScheduleInConfigFails() throws {
        let path = try temporaryFile(#"{"beta_schedule": "cubic"}"#, name: "scheduler_config.json")
        let result = try runExplorer(["inspect", path])
        #expect(result.status == 1)
        #expect(result.stderr.contains(#"beta_schedule is "cubic""#))
    }

    @Test func unknownScheduleFlagFails() throws {
        let result = try runExplorer(["inspect", "--schedule", "cubic"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("'cubic' is invalid for '--schedule"))
    }
}
