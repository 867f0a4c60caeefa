import DDIM
import ToyWorld

/// Trains a ``ToyMLP`` with the DDPM objective: for a data point x0, a timestep t uniform over
/// 0..<T and Gaussian noise eps, the network sees x_t = sqrt(alpha-bar_t) x0 + sqrt(1 - alpha-bar_t) eps
/// (the scheduler's own coefficients, as in `DDIMScheduler.addNoise`) and t, and is fitted by mean
/// squared error to the target its prediction type names: eps, x0, or the velocity
/// v = sqrt(alpha-bar_t) eps - sqrt(1 - alpha-bar_t) x0 (`DDIMScheduler.velocity`). AdamW with
/// global-norm gradient clipping and the options' learning-rate schedule.
///
/// A step splits its batch into fixed blocks of 256 rows run on up to `options.threads` threads
/// (OpenBLAS single-threaded inside each); block gradients are summed in block order, so the same
/// seed gives the same weights bit for bit on any thread count. Every buffer is allocated once (the
/// only allocations of a step are Dispatch's own, three small ones per `concurrentPerform`).
/// See ``TrainingData`` for how the points, timesteps and noise are drawn.
///
/// ```swift
/// let trainer = try Trainer(dataset: .builtin(.twoMoons), scheduler: DDIMScheduler(), options: TrainingOptions())
/// while trainer.completedSteps < trainer.options.steps { trainer.runStep() }
/// let denoiser = LearnedDenoiser(network: trainer.network, predictionType: trainer.options.predictionType)
/// ```
public final class Trainer {
    /// The options of the run.
    public let options: TrainingOptions
    /// The scheduler whose noise schedule defines the objective.
    public let scheduler: DDIMScheduler
    /// The name of the dataset.
    public let datasetName: String
    /// Steps taken so far (counting the steps of a resumed run).
    public private(set) var completedSteps: Int
    /// The loss of the last step (NaN before the first).
    public private(set) var lastLoss: Float = .nan

    /// Rows per block of a step.
    static let blockRows = 256
    /// How many recent losses ``recentLoss`` averages.
    public static let recentLossWindow = 100

    private let data: TrainingData
    private let layout: ParameterLayout
    private let features: InputFeatures
    private let workspaces: [BlockWorkspace]
    private let coefficients: [(signal: Float, noise: Float)]
    private var parameters: [Float]
    private var gradient: [Float]
    private var optimizer: AdamW
    /// Each block's sum of squared errors in the last step.
    private let blockLosses: UnsafeMutablePointer<Double>
    /// The last ``recentLossWindow`` losses, a ring (`recentCount` filled, the next at `recentNext`).
    private var recentLosses: [Float]
    private var recentCount = 0
    private var recentNext = 0

    /// Prepares a run on `dataset` with the noise schedule of `scheduler`. With `network`, training
    /// continues from its weights (fresh AdamW moments) at step `startingStep`, so the data and
    /// learning-rate schedule continue where a run of the same seed would be.
    ///
    /// ```swift
    /// let resumed = try Trainer(dataset: moons, scheduler: scheduler, options: options, resuming: saved, startingStep: 2_000)
    /// ```
    public init(dataset: Dataset, scheduler: DDIMScheduler, options: TrainingOptions, resuming network: ToyMLP? = nil,
                startingStep: Int = 0) throws(TrainingError) {
        try options.validate()
        BLASThreading.useOneThreadPerProduct()
        guard startingStep >= 0 else {
            throw .invalidOption(field: "starting step", value: "\(startingStep)", allowed: "0 or more")
        }
        let start: ToyMLP
        if let network {
            guard network.architecture == options.architecture else {
                throw .resumeMismatch(network: network.architecture, options: options.architecture)
            }
            start = network
        } else {
            do { start = try ToyMLP(architecture: options.architecture, seed: options.seed) } catch { throw .architecture(error) }
        }
        self.options = options
        self.scheduler = scheduler
        datasetName = dataset.name
        completedSteps = startingStep
        data = try TrainingData(dataset: dataset, seed: options.seed)
        layout = ParameterLayout(shapes: options.architecture.layerShapes)
        features = InputFeatures(architecture: options.architecture)
        let blocks = (options.batch + Self.blockRows - 1) / Self.blockRows
        let layout = layout, features = features
        workspaces = (0..<blocks).map { _ in
            BlockWorkspace(layout: layout, rows: min(Self.blockRows, options.batch), features: features, training: true)
        }
        coefficients = (0..<scheduler.alphasCumprod.count).map { scheduler.noiseCoefficients(at: $0) }
        parameters = ParameterLayout.flatten(start.layers)
        gradient = [Float](repeating: 0, count: layout.count)
        optimizer = AdamW(parameterCount: layout.count)
        blockLosses = .allocate(capacity: blocks)
        blockLosses.initialize(repeating: 0, count: blocks)
        recentLosses = [Float](repeating: 0, count: Self.recentLossWindow)
    }

    deinit {
        blockLosses.deinitialize(count: workspaces.count)
        blockLosses.deallocate()
    }

    /// The network with the current weights.
    public var network: ToyMLP {
        var layers = [DenseLayer]()
        for (index, shape) in layout.shapes.enumerated() {
            let w = layout.weightOffsets[index], b = layout.biasOffsets[index]
            layers.append(DenseLayer(inputs: shape.inputs, outputs: shape.outputs,
                                     weight: Array(parameters[w..<(w + shape.inputs * shape.outputs)]),
                                     bias: Array(parameters[b..<(b + shape.outputs)])))
        }
        return ToyMLP(validArchitecture: options.architecture, layers: layers)
    }

    /// The mean loss of the last (up to) 100 steps; NaN before the first step.
    public var recentLoss: Float {
        recentCount == 0 ? .nan : recentLosses.prefix(recentCount).reduce(0, +) / Float(recentCount)
    }

    /// The learning rate of the next step.
    public var currentLearningRate: Float {
        options.schedule.rate(base: options.learningRate, step: completedSteps, of: options.steps)
    }

    /// One optimizer step; returns its loss (the mean squared error over the batch).
    @discardableResult
    public func runStep() -> Float {
        computeBlockGradients()
        let count = layout.count
        gradient.withUnsafeMutableBufferPointer { total in
            guard let total = total.baseAddress else { return }
            total.update(from: workspaces[0].gradient, count: count)
            for workspace in workspaces.dropFirst() {
                let part = workspace.gradient
                for i in 0..<count { total[i] += part[i] }
            }
        }
        let rate = currentLearningRate, decay = options.weightDecay, clip = options.gradientClip
        gradient.withUnsafeBufferPointer { g in
            parameters.withUnsafeMutableBufferPointer { p in
                guard let g = g.baseAddress, let p = p.baseAddress else { return }
                let gradientScale = AdamW.clippingScale(g, count: count, maxNorm: clip)
                optimizer.update(p, gradient: g, learningRate: rate, weightDecay: decay, gradientScale: gradientScale)
            }
        }
        var total = 0.0
        for block in workspaces.indices { total += blockLosses[block] }
        let loss = Float(total / Double(2 * options.batch))
        recentLosses[recentNext] = loss
        recentNext = (recentNext + 1) % Self.recentLossWindow
        recentCount = min(recentCount + 1, Self.recentLossWindow)
        lastLoss = loss
        completedSteps += 1
        return loss
    }

    /// Draws the step's batch and runs forward and backward on every block (in parallel): each
    /// block's gradient lands in its workspace, its sum of squared errors in ``blockLosses``.
    private func computeBlockGradients() {
        let batch = options.batch, blockRows = Self.blockRows, predictionType = options.predictionType
        let step = completedSteps, timestepCount = coefficients.count
        let layout = layout, features = features, data = data, workspaces = workspaces
        let threads = options.threads > 0 ? options.threads : BlockRunner.defaultThreads
        let errorScale = 2 / Float(batch * 2)
        nonisolated(unsafe) let losses = blockLosses
        coefficients.withUnsafeBufferPointer { coefficients in
            parameters.withUnsafeBufferPointer { parameters in
                guard let coefficients = coefficients.baseAddress, let parameters = parameters.baseAddress else { return }
                BlockRunner.run(blocks: workspaces.count, threads: threads) { _, block in
                    let workspace = workspaces[block]
                    let first = block * blockRows, rows = min(blockRows, batch - first)
                    data.fill(step: step, batch: batch, first: first, count: rows, predictionType: predictionType,
                              coefficients: coefficients, timestepCount: timestepCount, points: workspace.points,
                              targets: workspace.targets, timesteps: workspace.timesteps)
                    features.writeSpatial(points: workspace.points, rows: rows, into: workspace.input,
                                          stride: layout.inputWidth, scratch: workspace.featureScratch)
                    features.writeTimeEmbedding(timesteps: workspace.timesteps, rows: rows, into: workspace.input,
                                                stride: layout.inputWidth, offset: features.spatialWidth,
                                                scratch: workspace.featureScratch)
                    NetworkPass.forward(rows: rows, parameters: parameters, layout: layout, workspace: workspace,
                                        output: workspace.output, storesSlopes: true)
                    var sum: Float = 0
                    for i in 0..<(2 * rows) {
                        let error = workspace.output[i] - workspace.targets[i]
                        sum += error * error
                        workspace.deltas.0[i] = errorScale * error
                    }
                    losses[block] = Double(sum)
                    NetworkPass.backward(rows: rows, parameters: parameters, layout: layout, workspace: workspace)
                }
            }
        }
    }

    /// Runs steps until `options.steps` are done or `shouldContinue` (called after every step with
    /// the step count and its loss) returns false; returns the mean loss of the last 100 steps.
    ///
    /// ```swift
    /// trainer.train { step, loss in step % 100 != 0 || report(step, loss); return !interrupted }
    /// ```
    @discardableResult
    public func train(_ shouldContinue: (Int, Float) -> Bool = { _, _ in true }) -> Float {
        while completedSteps < options.steps {
            let loss = runStep()
            if !shouldContinue(completedSteps, loss) { break }
        }
        return recentLoss
    }

    /// The record a model file keeps of this run, after `seconds` of training.
    public func record(seconds: Double) -> TrainingRecord {
        TrainingRecord(steps: completedSteps, batch: options.batch, learningRate: Double(options.learningRate),
                       seed: options.seed, finalLoss: Double(recentLoss), seconds: seconds)
    }
}
