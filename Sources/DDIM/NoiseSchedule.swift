import Foundation

/// The training noise schedule of a configuration: β, ᾱ (`alphas_cumprod`) and the final level,
/// computed the way diffusers computes them with torch on the CPU, so every value agrees with
/// diffusers' float32 tensors bit for bit.
///
/// ```swift
/// let schedule = try NoiseSchedule(configuration: DDIMConfiguration())
/// schedule.alphasCumprod[999]   // 4.035e-05, as DDIMScheduler().alphas_cumprod[999]
/// ```
public struct NoiseSchedule: Sendable, Hashable {
    /// β_t for t in 0 ..< T.
    public let betas: [Float]
    /// ᾱ_t = ∏_{s ≤ t} (1 − β_s).
    public let alphasCumprod: [Float]

    /// Computes the schedule of `configuration` (validating it first).
    public init(configuration config: DDIMConfiguration) throws(DDIMError) {
        try config.validate()
        var betas: [Float]
        if let trained = config.trainedBetas {
            betas = trained
        } else {
            switch config.betaSchedule {
            case .linear:
                betas = Self.torchLinspace(from: config.betaStart, to: config.betaEnd, count: config.numTrainTimesteps)
            case .scaledLinear:
                // diffusers takes `beta_start ** 0.5` of the Python float the file holds; the decimal
                // that round-trips our Float is that same number.
                let start = Float(Self.decimalValue(config.betaStart).squareRoot())
                let end = Float(Self.decimalValue(config.betaEnd).squareRoot())
                betas = Self.torchLinspace(from: start, to: end, count: config.numTrainTimesteps).map { $0 * $0 }
            case .squaredcosCapV2:
                betas = Self.cosineBetas(count: config.numTrainTimesteps)
            }
        }
        if config.rescaleBetasZeroSnr {
            betas = Self.rescaledToZeroTerminalSNR(betas)
        }
        self.betas = betas
        self.alphasCumprod = Self.torchCumprod(betas.map { 1 - $0 })
    }

    /// The double a user wrote for a Float option: the shortest decimal that round-trips it.
    static func decimalValue(_ value: Float) -> Double {
        Double("\(value)") ?? Double(value)
    }

    /// `torch.linspace(start, end, count, dtype=float32)` on the CPU: the first half counts up
    /// from `start`, the second half down from `end`, each value one fused multiply-add.
    public static func torchLinspace(from start: Float, to end: Float, count: Int) -> [Float] {
        guard count > 1 else { return count == 1 ? [start] : [] }
        let step = (end - start) / Float(count - 1)
        let halfway = count / 2
        return (0..<count).map { index in
            index < halfway
                ? start.addingProduct(step, Float(index))
                : end.addingProduct(-step, Float(count - index - 1))
        }
    }

    /// `torch.cumprod` of float32 values on the CPU, which accumulates in double.
    public static func torchCumprod(_ values: [Float]) -> [Float] {
        var product = 1.0
        return values.map { value in
            product *= Double(value)
            return Float(product)
        }
    }

    /// diffusers' `betas_for_alpha_bar` with the cosine ᾱ and max_beta 0.999, in double, then float32.
    static func cosineBetas(count: Int) -> [Float] {
        func alphaBar(_ t: Double) -> Double {
            let c = cos((t + 0.008) / 1.008 * Double.pi / 2)
            return c * c
        }
        return (0..<count).map { i in
            let t1 = Double(i) / Double(count)
            let t2 = Double(i + 1) / Double(count)
            return Float(min(1 - alphaBar(t2) / alphaBar(t1), 0.999))
        }
    }

    /// diffusers' `rescale_zero_terminal_snr` (Lin et al. 2023, Algorithm 1) in float32 tensor steps.
    static func rescaledToZeroTerminalSNR(_ betas: [Float]) -> [Float] {
        guard betas.count > 1 else { return betas }
        var roots = torchCumprod(betas.map { 1 - $0 }).map { $0.squareRoot() }
        let first = roots[0]
        let last = roots[roots.count - 1]
        let scale = first / (first - last)
        for i in roots.indices {
            roots[i] = (roots[i] - last) * scale
        }
        let alphaBars = roots.map { $0 * $0 }
        var alphas = [alphaBars[0]]
        for i in 1..<alphaBars.count {
            alphas.append(alphaBars[i] / alphaBars[i - 1])
        }
        return alphas.map { 1 - $0 }
    }
}
