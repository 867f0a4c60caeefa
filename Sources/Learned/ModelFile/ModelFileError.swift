/// Why a model file could not be read or written: the file, and the problem.
///
/// ```swift
/// do { _ = try ModelFile(contentsOf: url) } catch { print(error) }
/// // moons.safetensors: metadata 'version' is '2'; this program reads version 1
/// ```
public struct ModelFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file's path.
    public var file: String
    /// What is wrong.
    public var problem: Problem

    public init(file: String, problem: Problem) {
        self.file = file
        self.problem = problem
    }

    /// The ways a model file can be unusable.
    public enum Problem: Error, Sendable, Equatable, CustomStringConvertible {
        /// The safetensors container itself is unreadable or malformed (or a tensor is missing or misshapen).
        case container(SafeTensorsError.Problem)
        /// A required metadata key is absent.
        case missingMetadata(String)
        /// `format` is not `ddim-explorer-mlp`.
        case unknownFormat(String)
        /// `version` is not one this program reads.
        case unsupportedVersion(String)
        /// A metadata value is not allowed.
        case invalidMetadata(key: String, value: String, allowed: String)
        /// A tensor that the layout does not have.
        case unexpectedTensor(String)
        /// A weight or bias holds NaN or an infinity.
        case nonFiniteValue(tensor: String, index: Int)
        /// The file could not be written.
        case unwritable(String)

        public var description: String {
            switch self {
            case .container(let problem):
                return problem.description
            case .missingMetadata(let key):
                return "metadata '\(key)' is missing (a ddim-explorer model file records it)"
            case .unknownFormat(let format):
                return "metadata 'format' is '\(format)'; expected '\(ModelFile.format)'"
            case .unsupportedVersion(let version):
                return "metadata 'version' is '\(version)'; this program reads version \(ModelFile.version)"
            case .invalidMetadata(let key, let value, let allowed):
                let shown = value.count > 200 ? String(value.prefix(200)) + "..." : value
                return "metadata '\(key)' is '\(shown)'; allowed: \(allowed)"
            case .unexpectedTensor(let name):
                return "tensor '\(name)' is not part of the layout (net.0 ... net.2L weights and biases)"
            case .nonFiniteValue(let tensor, let index):
                return "tensor '\(tensor)' holds NaN or infinity at index \(index)"
            case .unwritable(let reason):
                return reason
            }
        }
    }

    public var description: String { "\(file): \(problem)" }
}
