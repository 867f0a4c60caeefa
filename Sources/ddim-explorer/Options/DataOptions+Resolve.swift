import Foundation
import ToyWorld

extension DataOptions {
    /// Applies the data flags (dataset or points, bandwidth) to `settings`, then the model and
    /// scheduler flags, which see whether a dataset was named.
    func apply(to settings: inout RunSettings, model: ModelOptions, scheduler: SchedulerOptions) throws {
        settings.bandwidth = try checkedBandwidth()
        if let kind = try datasetKind() { settings.dataset = kind }
        if let points = try userPoints() {
            settings.userPoints = points
            settings.userPointsName = data ?? settings.userPointsName
        }
        try model.apply(to: &settings, scheduler: scheduler, datasetGiven: dataset != nil || data != nil)
    }

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
        let points: SampleBatch
        do {
            points = try PointsFile.load(path: data)
        } catch .unreadable(_, let reason) {
            throw CommandError("cannot read data file '\(data)': \(reason)")
        }
        if standardize { return points.standardized() }
        try checkSpread(of: points, file: data)
        return points
    }

    /// Refuses points whose spread overflows 32-bit floats (values near 1e30), naming the file instead
    /// of a bandwidth the user never set.
    private func checkSpread(of points: SampleBatch, file: String) throws {
        for column in 0..<points.dimension {
            var mean = 0.0, square = 0.0
            for row in 0..<points.count { mean += Double(points[row, column]) }
            mean /= Double(points.count)
            for row in 0..<points.count {
                let d = Double(points[row, column]) - mean
                square += d * d
            }
            let variance = square / Double(points.count)
            if !Float(variance).isFinite {
                throw CommandError("data file '\(file)': column \(column + 1) spreads too widely for 32-bit floats "
                                   + "(variance \(String(format: "%.3g", variance))); scale the values down or pass --standardize")
            }
        }
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
