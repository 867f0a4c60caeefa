import DDIM
import Foundation
import Testing

/// Loads `Tests/DDIMTests/Fixtures/<name>` (written by Tests/Scripts/generate_ddim_fixtures.py).
func loadFixture<T: Decodable>(_ name: String, as type: T.Type) throws -> T {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures").appendingPathComponent(name)
    return try JSONDecoder().decode(T.self, from: Data(contentsOf: url))
}

/// The repository's `Assets/schedulers/<name>`.
func assetURL(_ name: String) -> URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Assets/schedulers").appendingPathComponent(name)
}

/// The largest |a − b| / max(1, |b|) over two equally long arrays (infinity if lengths differ).
func maxRelativeError(_ actual: [Float], _ expected: [Float]) -> Float {
    guard actual.count == expected.count else { return .infinity }
    var worst: Float = 0
    for (a, b) in zip(actual, expected) {
        if a.isNaN || b.isNaN { return .infinity }
        worst = max(worst, abs(a - b) / max(1, abs(b)))
    }
    return worst
}

/// A fixture's diffusers kwargs, decoded the way a scheduler_config.json would be.
struct FixtureConfiguration: Decodable {
    let configuration: DDIMConfiguration
    init(from decoder: Decoder) throws {
        configuration = try DDIMConfiguration(from: decoder)
    }
}

/// A row-major batch from a fixture's flattened tensor of shape [rows, ...].
func batch(_ values: [Float], shape: [Int]) -> SampleBatch {
    let rows = shape.first ?? 0
    return SampleBatch(count: rows, dimension: rows == 0 ? 0 : values.count / rows, values: values)
}
