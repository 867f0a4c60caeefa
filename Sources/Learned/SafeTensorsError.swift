/// Why a safetensors file could not be read: the file, and the problem in words that name the
/// field, the value and what was expected.
///
/// ```swift
/// do { _ = try SafeTensorsFile(contentsOf: url) } catch { print(error) }
/// // model.safetensors: header length 4294967296 exceeds the 100000000-byte limit
/// ```
public struct SafeTensorsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file (its path, or the name given with the bytes).
    public var file: String
    /// What is wrong with it.
    public var problem: Problem

    public init(file: String, problem: Problem) {
        self.file = file
        self.problem = problem
    }

    /// The ways a safetensors file can be unusable.
    public enum Problem: Error, Sendable, Equatable, CustomStringConvertible {
        /// The file could not be read at all (missing, a directory, no permission).
        case unreadable(String)
        /// Fewer than the 8 bytes of the header length.
        case tooShort(byteCount: Int)
        /// The header length is above the reader's limit.
        case headerTooLarge(length: UInt64, limit: Int)
        /// The header length reaches past the end of the file.
        case headerTruncated(length: UInt64, available: Int)
        /// The header is not a UTF-8 JSON object.
        case headerNotJSON(String)
        /// A tensor entry (or `__metadata__`) is malformed.
        case invalidEntry(name: String, detail: String)
        /// A tensor's dtype is not one the format defines.
        case unknownDType(name: String, dtype: String)
        /// A tensor's byte range does not hold shape x dtype bytes.
        case sizeMismatch(name: String, expected: Int, found: Int)
        /// A tensor's byte range ends past the data buffer.
        case offsetsOutOfRange(name: String, end: Int, bufferSize: Int)
        /// Two tensors share bytes.
        case overlap(name: String, other: String)
        /// Bytes between tensors (or before the first) belong to none.
        case hole(before: String, offset: Int)
        /// The tensors end before the data buffer does.
        case trailingBytes(dataEnd: Int, bufferSize: Int)
        /// A tensor the caller needs is not in the file.
        case missingTensor(String)
        /// A tensor has a dtype other than the one the caller needs.
        case wrongDType(name: String, found: String, expected: String)
        /// A tensor has a shape other than the one the caller needs.
        case wrongShape(name: String, found: [Int], expected: [Int])

        public var description: String {
            switch self {
            case .unreadable(let reason):
                return "cannot read the file: \(reason)"
            case .tooShort(let count):
                return "truncated: \(count) bytes, fewer than the 8-byte header length"
            case .headerTooLarge(let length, let limit):
                return "header length \(length) exceeds the \(limit)-byte limit"
            case .headerTruncated(let length, let available):
                return "truncated: the header claims \(length) bytes but only \(available) follow the length field"
            case .headerNotJSON(let detail):
                return "header is not a JSON object: \(detail)"
            case .invalidEntry(let name, let detail):
                return "header entry '\(name)': \(detail)"
            case .unknownDType(let name, let dtype):
                return "tensor '\(name)' has unknown dtype '\(dtype)'; allowed: "
                    + SafeTensorsDType.allCases.map(\.rawValue).joined(separator: ", ")
            case .sizeMismatch(let name, let expected, let found):
                return "tensor '\(name)' spans \(found) bytes but its shape and dtype need \(expected)"
            case .offsetsOutOfRange(let name, let end, let bufferSize):
                return "truncated: tensor '\(name)' ends at byte \(end) of a \(bufferSize)-byte data buffer"
            case .overlap(let name, let other):
                return "tensors '\(other)' and '\(name)' overlap"
            case .hole(let before, let offset):
                return "bytes from offset \(offset) up to tensor '\(before)' belong to no tensor"
            case .trailingBytes(let dataEnd, let bufferSize):
                return "the tensors end at byte \(dataEnd) but the data buffer has \(bufferSize) bytes"
            case .missingTensor(let name):
                return "missing tensor '\(name)'"
            case .wrongDType(let name, let found, let expected):
                return "tensor '\(name)' has dtype \(found); expected \(expected)"
            case .wrongShape(let name, let found, let expected):
                return "tensor '\(name)' has shape \(found); expected \(expected)"
            }
        }
    }

    public var description: String { "\(file): \(problem)" }
}
