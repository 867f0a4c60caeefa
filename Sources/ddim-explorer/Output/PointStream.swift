import DDIM
import ToyWorld

/// Writes a batch of points to standard output as it is formatted, in the layouts of ``DataTable``
/// (CSV `x,y` or JSON `{"columns": ..., "data": ...}`), without building the whole text first: memory
/// stays that of the points.
///
/// ```swift
/// try PointStream.write(chain.current, format: .csv)
/// ```
enum PointStream {
    static func write(_ points: SampleBatch, format: OutputFormat) throws {
        var output = BufferedStandardOutput()
        let columns = PointTables.coordinateColumns(points.dimension)
        switch format {
        case .csv:
            try output.append(columns.joined(separator: ",") + "\n")
            for row in 0..<points.count {
                try output.append(points.row(row).map { NumberText.shortest(Double($0)) }.joined(separator: ",") + "\n")
            }
        case .json:
            try output.append("{\n  \"columns\": " + "[" + columns.map(JSONText.string).joined(separator: ", ") + "],\n  \"data\": [")
            for row in 0..<points.count {
                let values = points.row(row).map { $0.isFinite ? NumberText.shortest(Double($0)) : "null" }
                try output.append((row == 0 ? "\n    [" : ",\n    [") + values.joined(separator: ", ") + "]")
            }
            try output.append(points.count == 0 ? "]\n}\n" : "\n  ]\n}\n")
        }
        try output.flush()
    }
}
