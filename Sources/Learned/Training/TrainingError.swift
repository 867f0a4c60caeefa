/// Why a training run could not start.
///
/// ```swift
/// do { _ = try Trainer(dataset: data, scheduler: scheduler, options: TrainingOptions(batch: 0)) }
/// catch { print(error) }   // "training option batch = 0 is not allowed (expected 1...8192)"
/// ```
public enum TrainingError: Error, Equatable, CustomStringConvertible {
    /// An option outside its range.
    case invalidOption(field: String, value: String, allowed: String)
    /// The architecture is not valid.
    case architecture(ToyMLPError)
    /// The dataset gave no usable points.
    case unusableData(name: String, reason: String)
    /// A network to resume from has another architecture than the options.
    case resumeMismatch(network: MLPArchitecture, options: MLPArchitecture)

    public var description: String {
        switch self {
        case .invalidOption(let field, let value, let allowed):
            return "training option \(field) = \(value) is not allowed (expected \(allowed))"
        case .architecture(let error):
            return error.description
        case .unusableData(let name, let reason):
            return "cannot train on \(name): \(reason)"
        case .resumeMismatch(let network, let options):
            return "the network to resume has hidden \(network.hidden), layers \(network.layers), time embedding "
                + "\(network.timeEmbedding), Fourier features \(network.fourierFeatures); the options ask for hidden "
                + "\(options.hidden), layers \(options.layers), time embedding \(options.timeEmbedding), Fourier features "
                + "\(options.fourierFeatures)"
        }
    }
}
