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
        reaches the last training step, set_alpha_to_one false leaving residual noise, zero SNR with epsilon \
        prediction, trailing/linspace spacing where t - T/S skips or repeats levels, steps_offset past the \
        schedule or ignored, and config keys that were ignored. Exits with status 1 when no timesteps can be made.

        Examples:
          ddim-explorer inspect --steps 10
          ddim-explorer inspect Assets/schedulers/stable-diffusion-v1.json --steps 50
          ddim-explorer inspect --spacing trailing --steps 7
          ddim-explorer inspect scheduler_config.json --steps 25 --format json
        """
    )

    @Argument(help: ArgumentHelp("A diffusers scheduler_config.json (default: diffusers' DDIMScheduler defaults).",
                                 valueName: "config"))
    var config: String?

    @Option(help: ArgumentHelp("Number of sampling steps S. Default: 50.", valueName: "n"))
    var steps: Int = 50

    @Option(help: ArgumentHelp("eta for the sigma column (>= 0). Default: 1 (DDPM's posterior std).", valueName: "eta"))
    var eta: Float = 1

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
            let inspection = ScheduleInspection(configuration: configuration, steps: steps, eta: eta)
            if let failure = inspection.failure, case .invalidStepCount = failure {
                throw CommandError.invalid("--steps", "\(steps)",
                                           allowed: "1 ... \(configuration.numTrainTimesteps) (the number of training timesteps)")
            }
            let table = Self.table(inspection)
            switch format.format {
            case .csv:
                for pitfall in inspection.pitfalls { printToStandardError("warning: \(pitfall)") }
                try writeToStandardOutput(table.csv())
            case .json:
                let warnings = inspection.pitfalls.map {
                    "{\"name\": \(JSONText.string($0.name)), \"message\": \(JSONText.string($0.description))}"
                }
                try writeToStandardOutput(table.json(extra: [
                    ("steps", "\(steps)"), ("eta", NumberText.shortest(Double(eta))),
                    ("warnings", "[" + warnings.joined(separator: ", ") + "]"),
                ]))
            }
            if let failure = inspection.failure { throw CommandError(failure.description) }
        }
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
