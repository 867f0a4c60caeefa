import ArgumentParser
import DDIM
import Foundation
import ToyWorld

/// The scheduler flags: a diffusers `scheduler_config.json` to start from and one flag per option.
/// A flag that is left out keeps the file's value (or the default), so explicit flags override the file.
/// Without a file the defaults are diffusers' `DDIMScheduler()` defaults, except that clipping is off.
///
/// ```
/// ddim-explorer sample --scheduler-config Assets/schedulers/stable-diffusion-v1.json --spacing trailing
/// ```
struct SchedulerOptions: ParsableArguments {
    @Option(help: ArgumentHelp("A diffusers scheduler_config.json to start from (it replaces a --model file's own); explicit flags override its values.",
                               valueName: "file"))
    var schedulerConfig: String?

    @Option(help: ArgumentHelp("Beta schedule (beta_schedule). Default: linear.",
                               valueName: "name"))
    var schedule: BetaSchedule?

    @Option(help: ArgumentHelp("Number of training timesteps T (num_train_timesteps). Default: 1000.", valueName: "n"))
    var trainTimesteps: Int?

    @Option(help: ArgumentHelp("First beta of the schedule (beta_start). Default: 0.0001.", valueName: "beta"))
    var betaStart: Float?

    @Option(help: ArgumentHelp("Last beta of the schedule (beta_end). Default: 0.02.", valueName: "beta"))
    var betaEnd: Float?

    @Option(help: ArgumentHelp("Timestep spacing (timestep_spacing); quad is the DDIM paper code's quadratic selection. Default: leading.",
                               valueName: "name"))
    var spacing: TimestepSpacing?

    @Option(help: ArgumentHelp("Timestep selection as the DDIM paper names it: uniform keeps --spacing, quad is --spacing quad.",
                               valueName: "rule"))
    var skip: SkipRule?

    @Option(help: ArgumentHelp("What the model predicts (prediction_type). Default: epsilon.",
                               valueName: "type"))
    var predictionType: PredictionType?

    @Flag(inversion: .prefixedNo,
          help: "Clip the predicted x0 to [-clip-range, clip-range] (clip_sample). Default: off, unlike diffusers, because the toy data reaches beyond [-1, 1]; a config file's value is kept.")
    var clip: Bool?

    @Option(help: ArgumentHelp("Clipping range (clip_sample_range). Default: 1.", valueName: "value"))
    var clipRange: Float?

    @Flag(inversion: .prefixedNo, help: "Dynamic thresholding of the predicted x0 (thresholding).")
    var threshold: Bool?

    @Option(help: ArgumentHelp("Quantile of |x0| for dynamic thresholding (dynamic_thresholding_ratio). Default: 0.995.",
                               valueName: "ratio"))
    var thresholdRatio: Float?

    @Option(help: ArgumentHelp("Largest dynamic threshold (sample_max_value). Default: 1.", valueName: "value"))
    var sampleMaxValue: Float?

    @Flag(inversion: .prefixedNo,
          help: "The last step lands on alpha-bar = 1 (set_alpha_to_one; default on). Off: it lands on alpha-bar(0) and keeps a little noise.")
    var setAlphaToOne: Bool?

    @Option(help: ArgumentHelp("Offset added to leading timesteps (steps_offset). Default: 0.", valueName: "n"))
    var stepsOffset: Int?

    @Flag(inversion: .prefixedNo, help: "Rescale betas to zero terminal SNR (rescale_betas_zero_snr).")
    var zeroSnr: Bool?

    @Option(help: ArgumentHelp("Noise of stochastic steps: ddim (eta times the DDPM posterior std) or large (the paper's sigma-hat, eta ignored). Default: ddim.",
                               valueName: "kind"))
    var variance: VarianceKind?

    @Option(help: ArgumentHelp("Level a step lands on: diffusers (t - T/S, exactly as diffusers) or next (the next scheduled timestep). Default: diffusers.",
                               valueName: "rule"))
    var prevTimestep: PreviousTimestepRule?

    init() {}

    /// The configuration: the file (or else `base`, or else the toy default, ``RunSettings/defaultConfiguration``) with every given flag applied, validated.
    /// `base` is a model file's own configuration.
    func configuration(startingFrom base: DDIMConfiguration? = nil) throws -> DDIMConfiguration {
        var configuration = try schedulerConfig.map(Self.loadConfiguration) ?? base ?? RunSettings.defaultConfiguration
        try apply(to: &configuration)
        try configuration.validate()
        return configuration
    }

    /// Applies the flags that were given to `configuration`, leaving the others alone.
    func apply(to configuration: inout DDIMConfiguration) throws {
        if let schedule { configuration.betaSchedule = schedule }
        if let trainTimesteps { configuration.numTrainTimesteps = trainTimesteps }
        if let betaStart { configuration.betaStart = betaStart }
        if let betaEnd { configuration.betaEnd = betaEnd }
        if let spacing { configuration.timestepSpacing = spacing }
        switch skip {
        case .quad?:
            if let spacing, spacing != .quadratic {
                throw CommandError("--skip quad conflicts with --spacing \(spacing.rawValue); give one of them")
            }
            configuration.timestepSpacing = .quadratic
        case .uniform?:
            if spacing == .quadratic {
                throw CommandError("--skip uniform conflicts with --spacing quad; give one of them")
            }
            if configuration.timestepSpacing == .quadratic { configuration.timestepSpacing = .leading }
        case nil:
            break
        }
        if let predictionType { configuration.predictionType = predictionType }
        if let clip { configuration.clipSample = clip }
        if let clipRange { configuration.clipSampleRange = clipRange }
        if let threshold { configuration.thresholding = threshold }
        if let thresholdRatio { configuration.dynamicThresholdingRatio = thresholdRatio }
        if let sampleMaxValue { configuration.sampleMaxValue = sampleMaxValue }
        if let setAlphaToOne { configuration.setAlphaToOne = setAlphaToOne }
        if let stepsOffset { configuration.stepsOffset = stepsOffset }
        if let zeroSnr { configuration.rescaleBetasZeroSnr = zeroSnr }
        if let variance { configuration.varianceKind = variance }
        if let prevTimestep { configuration.previousTimestepRule = prevTimestep }
    }

    /// The largest scheduler config read (trained_betas for a million timesteps fit; /dev/zero does not).
    static let maximumConfigBytes = 64 << 20

    /// Reads a diffusers scheduler config file (or a pipe, FIFO or `<(...)`), naming the file in any error.
    static func loadConfiguration(path: String) throws -> DDIMConfiguration {
        let data: Data
        do {
            data = Data(try InputFile.readAll(path, limit: maximumConfigBytes))
        } catch {
            if error.exceededLimit != nil {
                throw CommandError("scheduler config '\(path)' is larger than \(maximumConfigBytes >> 20) MB; "
                                   + "allowed: a diffusers scheduler_config.json (a few KB, or about 25 MB of trained_betas "
                                   + "for a million timesteps)")
            }
            throw CommandError("cannot read scheduler config '\(path)': \(error.reason)")
        }
        do {
            return try DDIMConfiguration(jsonData: data)
        } catch {
            throw CommandError("scheduler config '\(path)': \(errorMessage(error))")
        }
    }
}

/// The DDIM paper's names for the timestep selection.
enum SkipRule: String, CaseIterable, ExpressibleByArgument, Sendable {
    /// Evenly spaced timesteps (whatever `--spacing` says).
    case uniform
    /// The paper code's quadratic selection, dense near t = 0.
    case quad
}

extension BetaSchedule: ExpressibleByArgument {}
extension TimestepSpacing: ExpressibleByArgument {}
extension PredictionType: ExpressibleByArgument {}
extension VarianceKind: ExpressibleByArgument {}
extension PreviousTimestepRule: ExpressibleByArgument {}
