import ToyWorld

/// Points as ``DataTable``s: `x,y` columns, after optional leading columns such as `step` or `alpha`.
enum PointTables {
    /// The rows of `points` under `x,y` (and `y2`... for wider rows), after `leading` values.
    static func rows(_ points: SampleBatch, leading: [DataValue] = []) -> [[DataValue]] {
        (0..<points.count).map { row in
            leading + points.row(row).map(DataValue.float)
        }
    }

    /// Column names for rows of `dimension` values: x, y, then x3, x4, ...
    static func coordinateColumns(_ dimension: Int) -> [String] {
        (0..<dimension).map { $0 == 0 ? "x" : $0 == 1 ? "y" : "x\($0 + 1)" }
    }

    /// One batch of points.
    static func points(_ points: SampleBatch) -> DataTable {
        DataTable(columns: coordinateColumns(points.dimension), rows: rows(points))
    }

    /// A finished chain: the final points, or with `every` the states 0, K, 2K, ... and the last, under a step column.
    static func chain(_ chain: SamplingChain, every: Int?) -> DataTable {
        let states = chain.states
        guard let every, let last = states.last else { return points(states.last ?? SampleBatch(zerosCount: 0, dimension: 2)) }
        var steps = Array(stride(from: 0, to: states.count, by: every))
        if steps.last != states.count - 1 { steps.append(states.count - 1) }
        return DataTable(columns: ["step"] + coordinateColumns(last.dimension),
                         rows: steps.flatMap { rows(states[$0], leading: [.integer($0)]) })
    }
}
