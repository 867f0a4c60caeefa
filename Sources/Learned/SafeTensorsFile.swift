import Foundation

/// A safetensors file, read defensively: every claim of the header is checked against the file's
/// real size before anything is allocated from it, and every problem is a ``SafeTensorsError`` that
/// names the file. Nothing in a file can make the reader crash.
///
/// Checked: the 8-byte header length (at most ``headerLimit``, and inside the file), the header
/// (a JSON object; every entry has a known `dtype`, a `shape` of non-negative integers and
/// `data_offsets` [begin, end] relative to the data buffer; `__metadata__` maps strings to strings),
/// and the layout (each tensor spans exactly shape x dtype bytes, the tensors tile the data buffer
/// with no overlap, hole or trailing byte).
///
/// ```swift
/// let file = try SafeTensorsFile(contentsOf: URL(fileURLWithPath: "two-moons.safetensors"))
/// let bias = try file.floats("net.0.bias", shape: [128])
/// let format = file.metadata["format"]
/// ```
public struct SafeTensorsFile: Sendable {
    /// Where one tensor lives in the data buffer.
    public struct Entry: Sendable, Equatable {
        /// Its element type.
        public var dtype: SafeTensorsDType
        /// Its shape.
        public var shape: [Int]
        /// Its bytes, relative to the start of the data buffer.
        public var byteRange: Range<Int>
    }

    /// The largest header the reader accepts (the reference library's limit).
    public static let headerLimit = 100_000_000
    /// The header key of the string metadata.
    public static let metadataKey = "__metadata__"

    /// The file's name in error messages.
    public let name: String
    /// The header's `__metadata__` ([:] when absent).
    public let metadata: [String: String]
    /// Every tensor of the header, by name.
    public let entries: [String: Entry]
    /// The data buffer (the bytes after the header).
    private let buffer: Data

    /// Reads and checks the file at `url`.
    public init(contentsOf url: URL) throws(SafeTensorsError) {
        let bytes: Data
        do {
            bytes = try Data(contentsOf: url, options: .mappedIfSafe)
        } catch {
            throw SafeTensorsError(file: url.path, problem: .unreadable(Self.readProblem(url)))
        }
        try self.init(bytes: bytes, name: url.path)
    }

    /// Checks `bytes` as the contents of a safetensors file called `name` (used in errors).
    public init(bytes: Data, name: String) throws(SafeTensorsError) {
        self.name = name
        let bytes = Array(bytes)
        func fail(_ problem: SafeTensorsError.Problem) -> SafeTensorsError { SafeTensorsError(file: name, problem: problem) }
        guard bytes.count >= 8 else { throw fail(.tooShort(byteCount: bytes.count)) }
        var length: UInt64 = 0
        for index in (0..<8).reversed() { length = length << 8 | UInt64(bytes[index]) }
        guard length <= UInt64(Self.headerLimit) else { throw fail(.headerTooLarge(length: length, limit: Self.headerLimit)) }
        guard length <= UInt64(bytes.count - 8) else { throw fail(.headerTruncated(length: length, available: bytes.count - 8)) }
        let headerEnd = 8 + Int(length)
        let header = try Self.parseHeader(Data(bytes[8..<headerEnd])).mapError(fail).get()
        metadata = header.metadata
        entries = header.entries
        buffer = Data(bytes[headerEnd...])
        if let problem = Self.layoutProblem(entries, bufferSize: buffer.count) { throw fail(problem) }
    }

    /// The values of the float32 tensor `tensor`, which must have exactly `shape`.
    ///
    /// ```swift
    /// let weight = try file.floats("net.0.weight", shape: [128, 66])
    /// ```
    public func floats(_ tensor: String, shape: [Int]) throws(SafeTensorsError) -> [Float] {
        guard let entry = entries[tensor] else { throw SafeTensorsError(file: name, problem: .missingTensor(tensor)) }
        guard entry.dtype == .f32 else {
            throw SafeTensorsError(file: name, problem: .wrongDType(name: tensor, found: entry.dtype.rawValue, expected: "F32"))
        }
        guard entry.shape == shape else {
            throw SafeTensorsError(file: name, problem: .wrongShape(name: tensor, found: entry.shape, expected: shape))
        }
        let count = entry.byteRange.count / 4
        return buffer.withUnsafeBytes { raw in
            (0..<count).map { index in
                Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: entry.byteRange.lowerBound + 4 * index,
                                                                         as: UInt32.self)))
            }
        }
    }

    /// The parsed header: metadata and entries, each entry checked on its own.
    private static func parseHeader(_ header: Data) -> Result<(metadata: [String: String], entries: [String: Entry]),
                                                             SafeTensorsError.Problem> {
        guard header.first == UInt8(ascii: "{") else { return .failure(.headerNotJSON("it does not start with '{'")) }
        let object: [String: Any]
        do {
            guard let parsed = try JSONSerialization.jsonObject(with: header) as? [String: Any] else {
                return .failure(.headerNotJSON("not an object"))
            }
            object = parsed
        } catch {
            return .failure(.headerNotJSON("invalid JSON or not UTF-8"))
        }
        var metadata: [String: String] = [:]
        var entries: [String: Entry] = [:]
        for (name, value) in object {
            if name == metadataKey {
                guard let pairs = value as? [String: Any] else {
                    return .failure(.invalidEntry(name: name, detail: "not an object of strings"))
                }
                for (key, item) in pairs {
                    guard let text = item as? String else {
                        return .failure(.invalidEntry(name: name, detail: "the value of '\(key)' is not a string"))
                    }
                    metadata[key] = text
                }
                continue
            }
            switch parseEntry(name: name, value) {
            case .success(let entry): entries[name] = entry
            case .failure(let problem): return .failure(problem)
            }
        }
        return .success((metadata, entries))
    }

    /// One tensor entry: `{"dtype": ..., "shape": [...], "data_offsets": [begin, end]}`.
    private static func parseEntry(name: String, _ value: Any) -> Result<Entry, SafeTensorsError.Problem> {
        guard let fields = value as? [String: Any] else {
            return .failure(.invalidEntry(name: name, detail: "not an object with dtype, shape and data_offsets"))
        }
        guard let dtypeName = fields["dtype"] as? String else {
            return .failure(.invalidEntry(name: name, detail: "no string 'dtype'"))
        }
        guard let dtype = SafeTensorsDType(rawValue: dtypeName) else {
            return .failure(.unknownDType(name: name, dtype: dtypeName))
        }
        guard let shape = naturals(fields["shape"]) else {
            return .failure(.invalidEntry(name: name, detail: "'shape' is not an array of non-negative integers"))
        }
        guard let offsets = naturals(fields["data_offsets"]), offsets.count == 2, offsets[0] <= offsets[1] else {
            return .failure(.invalidEntry(name: name, detail: "'data_offsets' is not [begin, end] with 0 <= begin <= end"))
        }
        guard let count = F32Tensor.elementCount(shape), case (let bytes, false) = count.multipliedReportingOverflow(by: dtype.byteCount) else {
            return .failure(.invalidEntry(name: name, detail: "shape \(shape) is too large"))
        }
        let found = offsets[1] - offsets[0]
        guard found == bytes else { return .failure(.sizeMismatch(name: name, expected: bytes, found: found)) }
        return .success(Entry(dtype: dtype, shape: shape, byteRange: offsets[0]..<offsets[1]))
    }

    /// `value` as an array of integers >= 0, or nil (non-integers, negatives, booleans and huge numbers are refused).
    private static func naturals(_ value: Any?) -> [Int]? {
        guard let items = value as? [Any] else { return nil }
        var result: [Int] = []
        for item in items {
            // JSON booleans arrive as NSNumbers of type "c", non-integers as "d".
            guard let number = item as? NSNumber, !["c", "d", "f"].contains(String(cString: number.objCType)),
                  let integer = Int(exactly: number.int64Value), number.int64Value >= 0,
                  number.uint64Value == UInt64(integer) else { return nil }
            result.append(integer)
        }
        return result
    }

    /// The first layout problem: tensors must tile the data buffer exactly.
    private static func layoutProblem(_ entries: [String: Entry], bufferSize: Int) -> SafeTensorsError.Problem? {
        let ordered = entries.sorted {
            ($0.value.byteRange.lowerBound, $0.value.byteRange.upperBound, $0.key)
                < ($1.value.byteRange.lowerBound, $1.value.byteRange.upperBound, $1.key)
        }
        var end = 0
        var previous = ""
        for (name, entry) in ordered {
            if entry.byteRange.lowerBound < end { return .overlap(name: name, other: previous) }
            if entry.byteRange.lowerBound > end { return .hole(before: name, offset: end) }
            if entry.byteRange.upperBound > bufferSize {
                return .offsetsOutOfRange(name: name, end: entry.byteRange.upperBound, bufferSize: bufferSize)
            }
            end = entry.byteRange.upperBound
            previous = name
        }
        return end == bufferSize ? nil : .trailingBytes(dataEnd: end, bufferSize: bufferSize)
    }

    /// Plain words for why `url` could not be read.
    private static func readProblem(_ url: URL) -> String {
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) { return "no such file" }
        if isDirectory.boolValue { return "it is a directory" }
        if !FileManager.default.isReadableFile(atPath: url.path) { return "permission denied" }
        return "read error"
    }
}
