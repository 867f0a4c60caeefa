import DDIM
import Foundation

/// Writes float32 tensors and string metadata in the safetensors format, deterministically: the same
/// tensors and metadata always give the same bytes.
///
/// Layout: an 8-byte little-endian header length N, N bytes of compact JSON (`__metadata__` first,
/// then the tensors sorted by name, padded with spaces to a multiple of 8 as the Python library pads),
/// then the tensors' little-endian bytes in the same order, with no gaps.
/// `safetensors.torch.load_file` reads the result.
///
/// ```swift
/// let bias = F32Tensor(shape: [2], values: [0.5, -1])!
/// let bytes = SafeTensorsWriter.encode(["net.0.bias": bias], metadata: ["format": "pt"])
/// try bytes.write(to: url)
/// ```
public enum SafeTensorsWriter {
    /// The bytes of a safetensors file holding `tensors` and `metadata`. A tensor named `__metadata__`
    /// cannot be stored (the name is the metadata's) and is left out.
    public static func encode(_ tensors: [String: F32Tensor], metadata: [String: String] = [:]) -> Data {
        let names = tensors.keys.filter { $0 != SafeTensorsFile.metadataKey }.sorted()
        var fields: [String] = []
        if !metadata.isEmpty {
            let pairs = metadata.keys.sorted().map { key in
                JSONStringLiteral.quoted(key) + ":" + JSONStringLiteral.quoted(metadata[key] ?? "")
            }
            fields.append(JSONStringLiteral.quoted(SafeTensorsFile.metadataKey) + ":{" + pairs.joined(separator: ",") + "}")
        }
        var offset = 0
        for name in names {
            guard let tensor = tensors[name] else { continue }
            let end = offset + tensor.values.count * 4
            let shape = tensor.shape.map(String.init).joined(separator: ",")
            fields.append(JSONStringLiteral.quoted(name)
                          + ":{\"dtype\":\"F32\",\"shape\":[\(shape)],\"data_offsets\":[\(offset),\(end)]}")
            offset = end
        }
        var header = Array(("{" + fields.joined(separator: ",") + "}").utf8)
        header.append(contentsOf: repeatElement(UInt8(ascii: " "), count: (8 - header.count % 8) % 8))

        var bytes = [UInt8]()
        bytes.reserveCapacity(8 + header.count + offset)
        withUnsafeBytes(of: UInt64(header.count).littleEndian) { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: header)
        for name in names {
            guard let tensor = tensors[name] else { continue }
            for value in tensor.values {
                withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
            }
        }
        return Data(bytes)
    }
}
