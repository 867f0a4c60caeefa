/// Which Gaussian source a sampling run draws its noise from.
///
/// ```swift
/// NoiseKind(rawValue: "torch")   // .torch: bit-exact torch.randn, as diffusers with a generator
/// ```
public enum NoiseKind: String, CaseIterable, Sendable, Codable {
    /// The counter-based ``PhiloxGenerator``: fast and independent of the thread count (`default` on the command line).
    case philox = "default"
    /// ``TorchGenerator``: the noise of `torch.manual_seed(seed)`: x_T first, then one `randn` of the batch per stochastic step.
    case torch

    /// One line for help texts.
    public var summary: String {
        switch self {
        case .philox: return "counter-based Philox normals (fast, identical for any thread count)"
        case .torch: return "torch.manual_seed(seed) + torch.randn, bit for bit, as diffusers with a CPU generator"
        }
    }
}
