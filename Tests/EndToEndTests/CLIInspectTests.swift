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
        #expect(result.stderr.contains("warning: leading spacing with 10 steps starts at timestep 900"))
        #expect(result.stderr.contains("alpha-bar = 2.702e-04 instead of 4.036e-05"))
    }

    @Test func stableDiffusionConfigWarnsAboutResidualNoiseAndIgnoredKeys() throws {
        let config = repositoryRoot.appendingPathComponent("Assets/schedulers/stable-diffusion-v1.json").path
        let result = try runExplorer(["inspect", config, "--steps", "50"])
        #expect(result.status == 0)
        #expect(lines(result.stdout)[1].hasPrefix("0,981,961,961,"))
        #expect(result.stderr.contains("set_alpha_to_one is false"))
        #expect(result.stderr.contains("note: the config is a PNDMScheduler config"))
        #expect(result.stderr.contains("that DDIMScheduler does not use") && result.stderr.contains("skip_prk_steps"))
        #expect(!result.stderr.contains("_diffusers_version"))
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
        #expect(result.stderr.contains("error: steps_offset is 100"))
        #expect(result.stderr.contains("use steps_offset at most 99 or at most 9 steps"))
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
        #expect(result.stderr.contains("not valid JSON: line 1, column 19 (in \"beta_schedule\"): expected a value, found the end of the file"))
        try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path)
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

    /// Runs `body` with a fresh temporary directory and removes it afterwards.
    func withTemporaryDirectory(_ body: (URL) throws -> Void) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ddim-inspect-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try body(directory)
    }

    @Test func dpmSolverConfigWithMinusInfinityLoadsAndSavesLosslessly() throws {
        let config = repositoryRoot.appendingPathComponent("Tests/DDIMTests/Fixtures/hub_configs/pixart-xl-2-1024-ms.json").path
        try withTemporaryDirectory { directory in
            let out = directory.appendingPathComponent("saved.json").path
            let result = try runExplorer(["inspect", config, "--steps", "20", "--save-config", out])
            #expect(result.status == 0)
            #expect(result.stderr.contains("DPMSolverMultistepScheduler") && result.stderr.contains("lambda_min_clipped"))
            let saved = try String(contentsOfFile: out, encoding: .utf8)
            #expect(saved.contains("\"lambda_min_clipped\": -Infinity,"))
            #expect(saved.contains("\"_class_name\": \"DPMSolverMultistepScheduler\""))
            #expect(saved.contains("\"_diffusers_version\": \"0.22.0.dev0\""))
        }
    }

    @Test func saveConfigRefusesQuadAndWritesThroughDevices() throws {
        try withTemporaryDirectory { directory in
            let out = directory.appendingPathComponent("quad.json").path
            let quad = try runExplorer(["inspect", "--spacing", "quad", "--save-config", out])
            #expect(quad.status == 1 && quad.stderr.contains("cannot save timestep_spacing \"quad\""))
            #expect(!FileManager.default.fileExists(atPath: out))
        }
        let stdout = try runExplorer(["inspect", "--steps", "2", "--save-config", "/dev/stdout", "--format", "json"])
        #expect(stdout.status == 0 && stdout.stdout.hasPrefix("{\n  \"_class_name\": \"DDIMScheduler\""))
        var status = stat()
        #expect(stat("/dev/stdout", &status) == 0)
        let full = try runExplorer(["inspect", "--steps", "2", "--save-config", "/dev/full"])
        #expect(full.status == 1 && full.stderr.contains("No space left on device"))
        #expect(stat("/dev/full", &status) == 0 && status.st_mode & S_IFMT == S_IFCHR, "/dev/full is still a device")
    }

    @Test(arguments: [["--train-timesteps", "100000"], ["--beta-start", "0.5", "--beta-end", "0.9"]])
    func degenerateSchedulesFailWithNumbersNotNaN(arguments: [String]) throws {
        let result = try runExplorer(["inspect"] + arguments)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty, "no table of NaN rows")
        #expect(!result.stderr.lowercased().contains("nan rows") && !result.stderr.contains("0.0 instead of 0.0"))
        #expect(result.stderr.contains("error: degenerate schedule") && result.stderr.contains("underflows to 0"))
        #expect(result.stderr.contains("epsilon") && !result.stderr.contains("rescale_betas_zero_snr"))
    }

    @Test func tinyTrainedBetasAreDegenerate() throws {
        let betas = Array(repeating: "1e-40", count: 10).joined(separator: ", ")
        try withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("tiny.json").path
            try Data("{\"num_train_timesteps\": 10, \"trained_betas\": [\(betas)]}".utf8).write(to: URL(fileURLWithPath: path))
            let result = try runExplorer(["inspect", path, "--steps", "5"])
            #expect(result.status == 1 && result.stdout.isEmpty)
            #expect(result.stderr.contains("rounds to 1 in float32"))
        }
    }

    @Test func nonUTF8AndDeeplyNestedConfigsGiveClearErrorsQuickly() throws {
        try withTemporaryDirectory { directory in
            let latin1 = directory.appendingPathComponent("latin1.json")
            try Data([0x7B, 0x22, 0x6E, 0x6F, 0x74, 0x65, 0x22, 0x3A, 0x20, 0x22, 0xE9, 0x22, 0x7D]).write(to: latin1)
            let result = try runExplorer(["inspect", latin1.path])
            #expect(result.status == 1 && result.stderr.contains("not UTF-8 text: the byte 0xE9 at line 1, column 11"))
            #expect(!result.stderr.contains("DecodingError"))

            let deep = directory.appendingPathComponent("deep.json")
            let nested = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
            let padding = String(repeating: " ", count: 100_000)
            try Data("{\"ignored\": \(nested),\(padding)\"num_train_timesteps\": 1000}".utf8).write(to: deep)
            let start = Date()
            let deepResult = try runExplorer(["inspect", deep.path])
            #expect(Date().timeIntervalSince(start) < 5)
            #expect(deepResult.status == 1 && deepResult.stderr.contains("nest deeper than 64 levels"))
        }
    }

    @Test func linspaceWithOneStepWarnsOfTimestepZero() throws {
        let result = try runExplorer(["inspect", "--spacing", "linspace", "--steps", "1"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("starts at timestep 0") && result.stderr.contains("alpha-bar = 0.9999 instead of 4.036e-05"))
    }

    @Test func configsAreReadFromDevicesAndPipes() throws {
        let empty = try runExplorer(["inspect", "/dev/null"])
        #expect(empty.status == 1 && empty.stderr.contains("the data is empty; expected a JSON object"))
        let zero = try runExplorer(["inspect", "/dev/zero"])
        #expect(zero.status == 1 && zero.stderr.contains("larger than 64 MB"))
        let directory = try runExplorer(["inspect", "/tmp"])
        #expect(directory.status == 1 && directory.stderr.contains("it is a directory"))
    }
}
