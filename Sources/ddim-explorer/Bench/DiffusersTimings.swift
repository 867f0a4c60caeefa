import Foundation
import ToyWorld

/// Timings of diffusers' `DDIMScheduler.step` written by `Tests/Scripts/bench_diffusers.py`, and of
/// the learned-model layout in PyTorch (the `mlp` key) written by `Tests/Scripts/bench_torch_mlp.py`.
///
/// ```swift
/// let diffusers = try DiffusersTimings(contentsOf: URL(fileURLWithPath: "diffusers.json"))
/// diffusers.milliseconds(size: 1_000_000, eta: 1)
/// ```
struct DiffusersTimings: Codable, Sendable {
    struct Result: Codable, Sendable {
        var n: Int
        var eta: Float
        var medianMs: Double
        enum CodingKeys: String, CodingKey { case n, eta, medianMs = "median_ms" }
    }

    /// PyTorch timings of the default MLP layout (`bench_torch_mlp.py`).
    struct MLP: Codable, Sendable {
        struct Training: Codable, Sendable {
            var batch: Int
            var medianStepMs: Double
            enum CodingKeys: String, CodingKey { case batch, medianStepMs = "median_step_ms" }
        }
        struct Inference: Codable, Sendable {
            var n: Int
            var medianMs: Double
            enum CodingKeys: String, CodingKey { case n, medianMs = "median_ms" }
        }
        var train: Training
        var inference: Inference
    }

    var torch: String
    var diffusers: String
    var threads: Int
    var results: [Result]
    /// The machine's load averages when the script ran.
    var loadAverage: [Double]?
    /// The MLP timings, when the file came from `bench_torch_mlp.py`.
    var mlp: MLP?

    enum CodingKeys: String, CodingKey { case torch, diffusers, threads, results, mlp, loadAverage = "load_average" }

    /// A diffusers timings file that cannot be used.
    struct LoadError: Error, CustomStringConvertible {
        var path: String
        var reason: String
        var description: String {
            "--diffusers \(path): \(reason) (expected the JSON that Tests/Scripts/bench_diffusers.py prints)"
        }
    }

    init(contentsOf url: URL) throws {
        let data: Data
        do { data = Data(try InputFile.readAll(url.path, limit: 16 << 20)) } catch {
            throw LoadError(path: url.path, reason: "cannot read the file (\(error.reason))")
        }
        do { self = try JSONDecoder().decode(Self.self, from: data) } catch {
            throw LoadError(path: url.path, reason: "not a diffusers or PyTorch MLP timings document: \(error)")
        }
    }

    /// PyTorch's median milliseconds for a row of the learned group: one training step at batch
    /// `size` (`training`) or one evaluation of `size` points, if measured.
    func mlpMilliseconds(size: Int, training: Bool) -> Double? {
        guard let mlp else { return nil }
        if training { return mlp.train.batch == size ? mlp.train.medianStepMs : nil }
        return mlp.inference.n == size ? mlp.inference.medianMs : nil
    }

    /// diffusers' median milliseconds for `size` points at `eta`, if measured.
    func milliseconds(size: Int, eta: Float) -> Double? {
        results.first { $0.n == size && $0.eta == eta }?.medianMs
    }
}
