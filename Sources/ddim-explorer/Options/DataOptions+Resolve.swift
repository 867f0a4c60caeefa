import Foundation
import ToyWorld

extension DataOptions {
    /// The built-in kind named by `--dataset` (nil when not given).
    func datasetKind() throws -> DatasetKind? {
        guard let dataset else { return nil }
        guard let kind = DatasetKind(rawValue: dataset) else {
            throw CommandError.invalid("--dataset", dataset,
                                       allowed: "one of " + DatasetKind.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return kind
    }

    /// The points of `--data`, standardized when asked (nil when not given).
    func userPoints() throws -> SampleBatch? {
        guard let data else {
            if standardize { throw CommandError("--standardize applies to --data points; give --data FILE") }
            return nil
        }
        if dataset != nil { throw CommandError("--dataset and --data both given; use one of them") }
        let text: String
        do {
            text = try String(contentsOf: URL(fileURLWithPath: data), encoding: .utf8)
        } catch {
            throw CommandError("cannot read data file '\(data)': \(FileProblem.describe(error, path: data))")
        }
        let points = try PointsFile.parse(text, name: data)
        return standardize ? points.standardized() : points
    }

    /// The checked `--bandwidth` (nil when not given).
    func checkedBandwidth() throws -> Float? {
        guard let bandwidth else { return nil }
        guard bandwidth.isFinite, bandwidth >= 0 else {
            throw CommandError.invalid("--bandwidth", "\(bandwidth)", allowed: "a finite value >= 0")
        }
        return bandwidth
    }
}
