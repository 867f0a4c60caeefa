import ArgumentParser
import Foundation
import Learned
import ToyWorld

/// `ddim-explorer train`: train a ``ToyMLP`` on a dataset and save it as a model file.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train a small network (the documented ToyMLP layout) on a dataset and save it as a .safetensors model.",
        discussion: """
        The DDPM objective (uniform t, Gaussian noise, MSE on what --prediction-type names) with AdamW, \
        gradient clipping and a cosine learning-rate decay. The same command gives the same weights bit for \
        bit on any number of threads. A live progress line on stderr shows the step, the loss averaged over \
        the last 100 steps, steps/s and the time left. Ctrl-C stops, saves what has been trained (the file \
        is always written atomically) and exits with status 130; --resume continues it. The file opens in \
        PyTorch (see the README) and in every command through --model FILE.

        The scheduler flags set the noise schedule the network is trained for; the file records it, and \
        sampling the model starts from it. With --resume the saved model's schedule, architecture, \
        prediction type and seed are the starting point; --steps is the total to reach.

        Examples:
          ddim-explorer train --dataset two-moons --out moons.safetensors
          ddim-explorer train --data mine.csv --standardize --out mine.safetensors --steps 2000
          ddim-explorer train --dataset circles --out c.safetensors --prediction-type v_prediction --hidden 64
          ddim-explorer train --resume moons.safetensors --out moons.safetensors --steps 8000
          ddim-explorer sample --model moons.safetensors --steps 20
        """
    )

    @Option(help: ArgumentHelp("Where to save the model (.safetensors).", valueName: "file"))
    var out: String

    @Option(help: ArgumentHelp("Continue from a saved model's weights and step count (AdamW's moments restart from zero).",
                               valueName: "file"))
    var resume: String?

    @Option(help: ArgumentHelp("Optimizer steps in total (>= 0). Default: \(TrainingOptions().steps).", valueName: "n"))
    var steps: Int?

    @Option(help: ArgumentHelp("Points per step (1 ... \(TrainingOptions.maximumBatch)). Default: \(TrainingOptions().batch).", valueName: "n"))
    var batch: Int?

    @Option(help: ArgumentHelp("AdamW's learning rate (0, 1]. Default: 0.002.", valueName: "rate"))
    var lr: Float?

    @Option(help: ArgumentHelp("Hidden width H (1 ... \(MLPArchitecture.maximumHidden)). Default: \(MLPArchitecture.default.hidden).", valueName: "n"))
    var hidden: Int?

    @Option(help: ArgumentHelp("Hidden layers L (1 ... \(MLPArchitecture.maximumLayers)). Default: \(MLPArchitecture.default.layers).", valueName: "n"))
    var layers: Int?

    @Option(help: ArgumentHelp("Fourier octaves F per coordinate (0 ... 16). Default: 8.", valueName: "n"))
    var fourier: Int?

    @Option(help: ArgumentHelp("Width D of the timestep embedding (even, 0 ... 1024). Default: 32.", valueName: "n"))
    var timeEmbedding: Int?

    @Option(help: ArgumentHelp("Seed of the initial weights, the data and the noise. Default: 0.", valueName: "seed"))
    var seed: UInt64?

    @Option(help: ArgumentHelp("Threads per step (>= 1). Default: one per core. The weights are the same for any number.",
                               valueName: "n"))
    var threads: Int?

    @Flag(help: "Record 0 as the training seconds in the file, so that the same command writes the same bytes (the time still prints).")
    var noTiming = false

    @Flag(help: "After saving, measure the model against the exact denoiser (MMD at 50 steps and at 20, eta 0) and write the training time and the results to the .json beside the file (the shipped models' records).")
    var measure = false

    @OptionGroup(title: "Scheduler (--prediction-type is what the network learns to predict)")
    var scheduler: SchedulerOptions

    @OptionGroup(title: "Data")
    var data: DataOptions

    func run() throws {
        let interrupt = InterruptFlag.install()  // before the set-up, so an early Ctrl-C is not lost
        var trained: (trainer: Trainer, settings: RunSettings)?
        try reportingErrors {
            trained = try prepare()
        }
        guard let (trainer, settings) = trained else { return }
        var progress = TrainingProgress(totalSteps: trainer.options.steps, startStep: trainer.completedSteps)
        trainer.train { step, _ in
            progress.report(step: step, loss: trainer.recentLoss)
            return !interrupt.isRaised
        }
        interrupt.uninstall()
        let seconds = progress.elapsed
        progress.finish()
        let wasInterrupted = trainer.completedSteps < trainer.options.steps
        try reportingErrors {
            let model = ModelFile(network: trainer.network, predictionType: trainer.options.predictionType,
                                  configuration: settings.configuration, dataset: trainer.datasetName,
                                  training: trainer.record(seconds: noTiming ? 0 : seconds))
            try model.write(to: URL(fileURLWithPath: out))
            let summary = String(format: "%d steps, loss %.4f (mean of the last %d), %.1f s", trainer.completedSteps,
                                 Double(trainer.recentLoss), Trainer.recentLossWindow, seconds)
            if wasInterrupted {
                printToStandardError("interrupted: saved \(out) after \(summary); continue with --resume \(out)")
                throw ExitCode(130)
            }
            printToStandardError("saved \(out): \(summary)")
            if measure { try writeRecord(model: model, settings: settings, seconds: seconds) }
        }
    }

    /// The trainer the flags describe, and the run settings (dataset, configuration) it trains for.
    func prepare() throws -> (Trainer, RunSettings) {
        if data.bandwidth != nil { throw CommandError("--bandwidth applies to the exact denoiser, not to training") }
        let resumed = try resume.map { path in
            do { return try ModelFile(contentsOf: URL(fileURLWithPath: path)) } catch { throw CommandError("--resume: \(error)") }
        }
        var settings = RunSettings()
        if let kind = try data.datasetKind() {
            settings.dataset = kind
        } else if let points = try data.userPoints() {
            settings.userPoints = points
            settings.userPointsName = URL(fileURLWithPath: data.data ?? "data").lastPathComponent
        } else if let resumed, let kind = DatasetKind(rawValue: resumed.dataset) {
            settings.dataset = kind
        } else {
            throw CommandError("give the data to train on: --dataset NAME (see `ddim-explorer data --list`) or --data FILE")
        }
        settings.configuration = try scheduler.configuration(startingFrom: resumed?.configuration)
        var options = TrainingOptions()
        if let resumed {
            options.architecture = resumed.network.architecture
            options.seed = resumed.training?.seed ?? 0
            if scheduler.predictionType == nil { settings.configuration.predictionType = resumed.predictionType }
        }
        options.predictionType = settings.configuration.predictionType
        for (flag, value, current) in [("--hidden", hidden, options.architecture.hidden), ("--layers", layers, options.architecture.layers),
                                        ("--fourier", fourier, options.architecture.fourierFeatures),
                                        ("--time-embedding", timeEmbedding, options.architecture.timeEmbedding)] {
            if let value, resumed != nil, value != current {
                throw CommandError.invalid(flag, "\(value)", allowed: "\(current), the resumed model's (or leave it out)")
            }
        }
        if let hidden { options.architecture.hidden = hidden }
        if let layers { options.architecture.layers = layers }
        if let fourier { options.architecture.fourierFeatures = fourier }
        if let timeEmbedding { options.architecture.timeEmbedding = timeEmbedding }
        if let steps { options.steps = steps }
        if let batch { options.batch = batch }
        if let lr { options.learningRate = lr }
        if let seed { options.seed = seed }
        if let threads {
            guard threads >= 1 else { throw CommandError.invalid("--threads", "\(threads)", allowed: "an integer >= 1") }
            options.threads = threads
        }
        do {
            try options.validate()
        } catch {
            throw CommandError("\(error)")
        }
        let scheduler = try DDIMScheduler(configuration: settings.configuration)
        let trainer = try Trainer(dataset: settings.makeDataset(), scheduler: scheduler, options: options,
                                  resuming: resumed?.network, startingStep: resumed?.training?.steps ?? 0)
        return (trainer, settings)
    }

    /// Measures the saved model and writes its record beside it.
    func writeRecord(model: ModelFile, settings: RunSettings, seconds: Double) throws {
        let url = URL(fileURLWithPath: out)
        let record = try ModelRecord.measure(model: RunModel(name: out, denoiser: model.denoiser), settings: settings,
                                             trainingSeconds: (seconds * 10).rounded() / 10)
        let recordURL = ModelLibrary.recordURL(forModel: url)
        try AtomicFile.write(try record.jsonData(), to: recordURL)
        printToStandardError(String(format: "measured: MMD x 100 at %d steps, eta 0: %.2f learned, %.2f exact, %.2f noise floor; wrote %@",
                                    record.quality.steps, 100 * record.quality.mmd, 100 * record.quality.mmdExact,
                                    100 * record.quality.noiseFloor, recordURL.path))
    }
}
