import ArgumentParser
import Foundation

/// Every flag that decides one sampling run: the scheduler configuration, the data, the count, the seed
/// and the noise source. Shared by `sample`, `interpolate`, `render` and `explore`.
///
/// Every option is optional: a flag that is left out keeps the value from `--scheduler-config` (when
/// given) or the default, so explicit flags always override the config file.
///
/// ```swift
/// struct Sample: ParsableCommand {
///     @OptionGroup var run: RunOptions
///     func run() throws { let settings = try run.settings() }
/// }
/// ```
///
/// ```
/// ddim-explorer sample --steps 20 --eta 0.5 --dataset two-moons
/// ddim-explorer sample --scheduler-config sd15.json --spacing trailing --no-clip
/// ```
struct RunOptions: ParsableArguments {
    // MARK: Scheduler

    @Option(help: ArgumentHelp("A diffusers scheduler_config.json to start from; explicit flags override its values.",
                               valueName: "file"))
    var schedulerConfig: String?

    @Option(help: ArgumentHelp("Number of sampling steps S (1 ... train timesteps). Default: 50.", valueName: "n"))
    var steps: Int?

    @Option(help: ArgumentHelp("eta: 0 = deterministic DDIM, 1 = DDPM's posterior variance (>= 0). Default: 0.",
                               valueName: "eta"))
    var eta: Float?

    @Option(help: ArgumentHelp("Beta schedule: linear, scaled_linear or squaredcos_cap_v2.", valueName: "name"))
    var schedule: String?

    @Option(name: .customLong("train-timesteps"),
            help: ArgumentHelp("Number of training timesteps T (num_train_timesteps). Default: 1000.", valueName: "n"))
    var trainTimesteps: Int?

    @Option(help: ArgumentHelp("First beta of the schedule (beta_start). Default: 0.0001.", valueName: "beta"))
    var betaStart: Float?

    @Option(help: ArgumentHelp("Last beta of the schedule (beta_end). Default: 0.02.", valueName: "beta"))
    var betaEnd: Float?

    @Option(help: ArgumentHelp("Timestep spacing: leading, trailing or linspace (diffusers' timestep_spacing).",
                               valueName: "name"))
    var spacing: String?

    @Option(help: ArgumentHelp("Timestep selection of the DDIM paper's code: uniform (use --spacing) or quad.",
                               valueName: "rule"))
    var skip: String?

    @Option(help: ArgumentHelp("What the model predicts: epsilon, sample or v_prediction.", valueName: "type"))
    var predictionType: String?

    @Flag(inversion: .prefixedNo, help: "Clip the predicted x0 to [-clip-range, clip-range] (clip_sample).")
    var clip: Bool?

    @Option(help: ArgumentHelp("Clipping range (clip_sample_range). Default: 1.", valueName: "value"))
    var clipRange: Float?

    @Flag(inversion: .prefixedNo, help: "Dynamic thresholding of the predicted x0 (thresholding).")
    var threshold: Bool?

    @Option(help: ArgumentHelp("Quantile for dynamic thresholding (dynamic_thresholding_ratio). Default: 0.995.",
                               valueName: "ratio"))
    var thresholdRatio: Float?

    @Option(help: ArgumentHelp("Upper bound of the dynamic threshold (sample_max_value). Default: 1.",
                               valueName: "value"))
    var sampleMaxValue: Float?

    @Flag(inversion: .prefixedNo,
          help: "Final step lands on alpha-bar = 1 (set_alpha_to_one); with --no-set-alpha-to-one it uses alpha-bar(0).")
    var setAlphaToOne: Bool?

    @Option(help: ArgumentHelp("Offset added to leading timesteps (steps_offset). Default: 0.", valueName: "n"))
    var stepsOffset: Int?

    @Flag(inversion: .prefixedNo, help: "Rescale betas to zero terminal SNR (rescale_betas_zero_snr).")
    var zeroSnr: Bool?

    @Option(help: ArgumentHelp("Noise variance: ddim (eta * DDPM posterior) or large (the paper's sigma-hat).",
                               valueName: "kind"))
    var variance: String?

    @Option(help: ArgumentHelp("Previous-timestep rule: diffusers (t - T/S, as diffusers does) or next (the next scheduled timestep).",
                               valueName: "rule"))
    var prevTimestep: String?

    @Flag(help: "Recompute epsilon from the clipped x0 (use_clipped_model_output).")
    var useClippedModelOutput = false

    // MARK: Data and run

    @Option(help: ArgumentHelp("Built-in dataset (see `ddim-explorer data --list`). Default: eight-gaussians.",
                               valueName: "name"))
    var dataset: String?

    @Option(help: ArgumentHelp("Your own points: a CSV or TSV file of x,y rows (header optional, # comments).",
                               valueName: "file"))
    var data: String?

    @Flag(help: "Standardize --data points to zero mean and unit variance per coordinate.")
    var standardize = false

    @Option(help: ArgumentHelp(
        "Kernel bandwidth of the exact denoiser for point-set data. 0 is the empirical 'ideal denoiser', which only reproduces (memorizes) the reference points.",
        valueName: "h"))
    var bandwidth: Float?

    @Option(help: ArgumentHelp("Number of points to generate (>= 1). Default: 2000.", valueName: "n"))
    var count: Int?

    @Option(help: ArgumentHelp("Seed of the initial noise and of the per-step noise. Default: 0.", valueName: "seed"))
    var seed: UInt64?

    @Option(help: ArgumentHelp("Noise source: default (counter-based, fast) or torch (torch.manual_seed + randn on CPU).",
                               valueName: "source"))
    var noise: String?

    init() {}
}
