import ArgumentParser
import Foundation
import ToyWorld

/// Every flag that decides one sampling run: the model, the scheduler configuration, the data, the count,
/// the seed and the noise source. Shared by `sample`, `interpolate`, `render` and `explore`.
///
/// Every option is optional: a flag that is left out keeps the value from `--scheduler-config` (when
/// given) or the default, so explicit flags always override the config file.
///
/// ```swift
/// struct Sample: ParsableCommand {
///     @OptionGroup var options: RunOptions
///     func run() throws { let settings = try options.settings() }
/// }
/// ```
///
/// ```
/// ddim-explorer sample --steps 20 --eta 0.5 --dataset two-moons
/// ddim-explorer sample --scheduler-config sd15.json --spacing trailing --no-clip
/// ```
struct RunOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Number of sampling steps S (1 ... train timesteps). Default: 50.", valueName: "n"))
    var steps: Int?

    @Option(help: ArgumentHelp("eta (>= 0): 0 = deterministic DDIM, 1 = DDPM's posterior variance. Default: 0. Write negative numbers as --eta=-1.",
                               valueName: "eta"))
    var eta: Float?

    @Option(help: ArgumentHelp("Number of points to generate (>= 1). Default: 2000.", valueName: "n"))
    var count: Int?

    @Option(help: ArgumentHelp("Seed of the initial noise and of the per-step noise. Default: 0.", valueName: "seed"))
    var seed: UInt64?

    @Option(help: ArgumentHelp("Noise source: default (counter-based; the same numbers on any number of cores) or torch (torch.manual_seed + torch.randn on CPU, to match diffusers runs). Default: default.",
                               valueName: "source"))
    var noise: NoiseKind?

    @Flag(help: "Recompute epsilon from the clipped x0 (use_clipped_model_output).")
    var useClippedModelOutput = false

    @OptionGroup(title: "Model")
    var model: ModelOptions

    @OptionGroup(title: "Scheduler")
    var scheduler: SchedulerOptions

    @OptionGroup(title: "Data")
    var data: DataOptions

    init() {}
}
