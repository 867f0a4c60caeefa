import ArgumentParser
import Foundation
import ToyWorld

/// `ddim-explorer inspect`: what a scheduler config does at S steps, and the pitfalls it falls into.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show the timesteps a scheduler config gives, the levels diffusers steps to, and known pitfalls.",
        discussion: """
        For each step: the timestep, the previous timestep diffusers will land on (t - T/S, or the next \
        scheduled one with --prev-timestep next), the next scheduled timestep, alpha-bar at both, the SNR \
        alpha-bar / (1 - alpha-bar) and the noise std sigma at --eta. CSV on stdout (or --format json); \
        warnings on stderr (inside the JSON with --format json). Warnings cover: leading spacing that never \
        reaches the last training step (or linspace with 1 step starting at timestep 0), residual noise at the \
        end (set_alpha_to_one false, or a last step t - T/S that lands on a timestep >= 0), epsilon prediction \
        where alpha-bar is 0 (zero SNR, or a schedule that underflows), trailing/linspace spacing where t - T/S \
        skips or repeats levels, step counts where diffusers' trailing spacing adds a step at t = -1, an eta at \
        which diffusers' step gives NaN, steps_offset past the schedule or ignored, and config keys that DDIM \
        does not use (with the config's _class_name). Exits with status 1 when no timesteps can be made or the \
        schedule is degenerate (alpha-bar underflowing to 0 or rounding to 1 where a step needs it).

        --save-config writes the configuration (the file plus any flags) as diffusers' save_config would: every \
        key of the file kept as written, changed options replaced. It refuses quad spacing, which diffusers \
        cannot load. An existing file at that path is replaced.

        Examples:
          ddim-explorer inspect --steps 10
          ddim-explorer inspect Assets/schedulers/stable-diffusion-v1.json --steps 50
          ddim-explorer inspect --spacing trailing --steps 7
          ddim-explorer inspect scheduler_config.json --steps 25 --format json
          ddim-explorer inspect scheduler_config.json --spacing trailing --save-config trailing_config.json
        """
    )

    @Argument(help: ArgumentHelp("A diffusers scheduler_config.json (default: diffusers' DDIMScheduler defaults).",
                                 valueName: "config"))
    var config: String?

    @Option(help: ArgumentHelp("Number of sampling steps S. Default: 50.", valueName: "n"))
    var steps: Int = 50

    @Option(help: ArgumentHelp("eta for the sigma column (>= 0). Default: 1 (DDPM's posterior std).", valueName: "eta"))
    var eta: Float = 1

    @Option(help: ArgumentHelp("Also write the configuration to this diffusers scheduler_config.json (replaced if it exists).",
                               valueName: "file"))
    var saveConfig: String?

    @OptionGroup var format: FormatOptions

    @OptionGroup(title: "Scheduler")
    var scheduler: SchedulerOptions

    func run() throws {
        try reportingErrors {
            guard eta.isFinite, eta >= 0 else { throw CommandError.invalid("--eta", "\(eta)", allowed: "a finite value >= 0") }
            var options = scheduler
            if let config {
                if options.schedulerConfig != nil {
                    throw CommandError("both a CONFIG argument and --scheduler-config given; use one of them")
                }
                options.schedulerConfig = config
            }
            let configuration = try options.configuration()
            if let saveConfig { try Self.save(configuration, to: saveConfig) }
            let inspection = ScheduleInspection(configuration: configuration, steps: steps, eta: eta)
            if let failure = inspection.failure, case .invalidStepCount = failure {
                throw CommandError.invalid("--steps", "\(steps)",
                                           allowed: "1 ... \(configuration.numTrainTimesteps) (the number of training timesteps)")
            }
            let warnings = inspection.pitfalls.filter { !$0.isError }
            let errors = inspection.pitfalls.filter(\.isError)
            let table = Self.table(inspection)
            let className = configuration.sourceClassName ?? "DDIMScheduler"
            switch format.format {
            case .csv:
                if className != "DDIMScheduler" {
                    printToStandardError("note: the config is a \(className) config, read as DDIMScheduler (as diffusers' DDIMScheduler.from_config reads it)")
                }
                for pitfall in warnings { printToStandardError("warning: \(pitfall)") }
                if errors.isEmpty { try writeToStandardOutput(table.csv()) }
            case .json:
                func objects(_ pitfalls: [SchedulePitfall]) -> String {
                    "[" + pitfalls.map {
                        "{\"name\": \(JSONText.string($0.name)), \"message\": \(JSONText.string($0.description))}"
                    }.joined(separator: ", ") + "]"
                }
                try writeToStandardOutput(table.json(extra: [
                    ("steps", "\(steps)"), ("eta", NumberText.shortest(Double(eta))),
                    ("config_class", JSONText.string(className)),
                    ("warnings", objects(warnings)), ("errors", objects(errors)),
                ]))
            }
            if let failure = inspection.failure { throw CommandError(failure.description) }
            if let error = errors.first { throw CommandError(error.description) }
        }
    }

    /// Writes `configuration` as a diffusers scheduler_config.json at `path`. A symlink is followed to
    /// its target; a regular file is written atomically (replaced only once the new one is complete);
    /// a device or FIFO (`/dev/stdout`) is written directly, never replaced.
    static func save(_ configuration: DDIMConfiguration, to path: String) throws {
        let data: Data
        do {
            data = try configuration.jsonData()
        } catch {
            throw CommandError("--save-config '\(path)': \(error.description)")
        }
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath()
        do {
            var status = stat()
            if stat(target.path, &status) == 0 && status.st_mode & S_IFMT != S_IFREG {
                let handle = try FileHandle(forWritingTo: target)
                defer { try? handle.close() }
                try handle.write(contentsOf: data)
            } else {
                try data.write(to: target, options: .atomic)
            }
        } catch {
            throw CommandError("cannot write --save-config '\(path)': \(writeProblem(error, path: target.path))")
        }
    }

    /// The reason a write failed, in words ("No space left on device", "the directory ... does not exist").
    static func writeProblem(_ error: any Error, path: String) -> String {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        if !FileManager.default.fileExists(atPath: directory) { return "the directory '\(directory)' does not exist" }
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return nsError.localizedDescription
    }

    static func table(_ inspection: ScheduleInspection) -> DataTable {
        DataTable(
            columns: ["step", "timestep", "prev_timestep", "next_timestep", "alpha_bar", "alpha_bar_prev", "snr", "sigma"],
            rows: inspection.steps.map { step in
                [.integer(step.index), .integer(step.timestep), .integer(step.previousTimestep), .integer(step.nextTimestep),
                 .float(step.alphaProduct), .float(step.alphaProductPrevious), .float(step.signalToNoise), .float(step.sigma)]
            })
    }
}
