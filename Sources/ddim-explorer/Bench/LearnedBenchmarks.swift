import DDIM
import Learned
import ToyWorld

/// The learned model (issue 9's performance targets): one evaluation of the default ``ToyMLP``
/// on `points` points at one timestep, and one training step at batch `batch` (AdamW, the DDPM
/// objective on two moons), each with our threads over row blocks (OpenBLAS single-threaded, the
/// library's choice) and, for comparison, on one thread of ours with OpenBLAS's own `threads` threads.
///
/// ```swift
/// let rows = try LearnedBenchmarks(points: 100_000, batch: 512, threads: 2).run(timer: timer)
/// ```
struct LearnedBenchmarks {
    var points: Int
    var batch: Int
    var threads: Int
    /// Whether the targets of the issue apply (full-size runs only).
    var showTargets = true

    func run(timer: BenchTimer) throws -> [BenchRow] {
        let network = try ToyMLP(architecture: .default, seed: 1)
        var generator = PhiloxGenerator(seed: 5, stream: 9)
        let noisy = SampleBatch.randomNormal(count: points, dimension: 2, using: &generator)
        var options = TrainingOptions(steps: Int.max, batch: batch, seed: 1, threads: threads)
        let trainer = try Trainer(dataset: .builtin(.twoMoons), scheduler: DDIMScheduler(configuration: RunSettings.defaultConfiguration),
                                  options: options)
        let ours = measure(timer: timer, network: network, noisy: noisy, trainer: trainer, threads: threads)
        // OpenBLAS's own threads: one thread of ours (set after the library's one-time setting).
        let savedThreads = MatrixProduct.threads
        MatrixProduct.threads = threads
        options.threads = 1
        let blasTrainer = try Trainer(dataset: .builtin(.twoMoons), scheduler: DDIMScheduler(configuration: RunSettings.defaultConfiguration),
                                      options: options)
        let blas = measure(timer: timer, network: network, noisy: noisy, trainer: blasTrainer, threads: 1)
        MatrixProduct.threads = savedThreads
        var rows = [
            BenchRow(group: "learned", name: "ToyMLP inference (default layout, one timestep)", size: points,
                     timing: ours.inference, target: showTargets ? "1.5× PyTorch" : nil),
            BenchRow(group: "learned-training", name: "ToyMLP training step (batch \(batch), AdamW)", size: batch,
                     timing: ours.training, target: showTargets ? "1.2× PyTorch" : nil),
            BenchRow(group: "learned-blas", name: "ToyMLP inference, OpenBLAS threads", size: points, timing: blas.inference),
            BenchRow(group: "learned-training-blas", name: "ToyMLP training step, OpenBLAS threads", size: batch,
                     timing: blas.training),
        ]
        for index in rows.indices where rows[index].group.hasPrefix("learned-training") {
            rows[index].itemsPerSecond = 1e3 / rows[index].medianMilliseconds
        }
        return rows
    }

    private func measure(timer: BenchTimer, network: ToyMLP, noisy: SampleBatch, trainer: Trainer,
                         threads: Int) -> (inference: BenchTimer.Timing, training: BenchTimer.Timing) {
        let inference = timer.measure {
            network.output(for: noisy, timestep: 480, threads: threads).values[points / 2]
        }
        let training = timer.measure { trainer.runStep() }
        return (inference, training)
    }
}
