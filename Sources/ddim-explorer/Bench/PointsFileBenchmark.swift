import DDIM
import Foundation
import ToyWorld

/// Loading a CSV of points as `--data` does (issue 14: 5,000,000 rows in under 2 s): a file of `rows`
/// `x,y` lines in `sample`'s own format is written to the temporary directory, loaded with
/// `PointsFile.load(path:)` in every sample, and removed.
///
/// ```swift
/// let row = try PointsFileBenchmark(rows: 5_000_000).run(timer: timer)
/// ```
struct PointsFileBenchmark {
    var rows: Int
    /// Whether the target applies (full-size runs only).
    var showTarget = true

    func run(timer: BenchTimer) throws -> BenchRow {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ddim-bench-\(UUID().uuidString).csv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        var generator = PhiloxGenerator(seed: 14, stream: 3)
        let points = SampleBatch.randomNormal(count: rows, dimension: 2, using: &generator)
        let writer = try AtomicFileWriter(path: path)
        var text = "x,y\n"
        for row in 0..<rows {
            text += "\(points[row, 0]),\(points[row, 1])\n"
            if text.utf8.count > 1 << 20 {
                try writer.append(Array(text.utf8))
                text = ""
            }
        }
        try writer.append(Array(text.utf8))
        try writer.commit()
        let timing = try timer.measure {
            let loaded = try PointsFile.load(path: path)
            return loaded.values[loaded.values.count / 2]
        }
        return BenchRow(group: "toyworld", name: "CSV load (PointsFile, x,y rows)", size: rows, timing: timing,
                        target: showTarget ? "< 2000 ms" : nil)
    }
}
