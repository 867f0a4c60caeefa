import Points

extension MarkerLayer {
    /// Colours of tracked points, in tracking order (the explorer and `render` alike).
    public static let trackColors: [RGBColor] = [
        RGBColor(80, 220, 255), RGBColor(255, 110, 200), RGBColor(140, 255, 120), RGBColor(255, 230, 90),
        RGBColor(170, 140, 255), RGBColor(255, 150, 80), RGBColor(120, 200, 200), RGBColor(240, 240, 240),
    ]

    /// The markers of tracked rows of a chain, the n-th row in ``trackColors``[n]: its trail through
    /// `history` (oldest state first; drawn from two places on), an arrow from its place in
    /// `arrowsFrom` to its place in `arrowsTo` (both given), and its point in `shown`. Rows missing
    /// from a batch, or at a NaN or infinite place, are left out of it.
    ///
    /// ```swift
    /// let layer = MarkerLayer.tracking(rows: [3, 40], history: chain.states, shown: chain.current,
    ///                                  arrowsFrom: chain.current, arrowsTo: predicted)
    /// ```
    public static func tracking(rows: [Int], history: [SampleBatch], shown: SampleBatch?,
                                arrowsFrom: SampleBatch? = nil, arrowsTo: SampleBatch? = nil) -> MarkerLayer {
        var layer = MarkerLayer()
        for (index, row) in rows.enumerated() {
            let color = trackColors[index % trackColors.count]
            let path = history.compactMap { position(of: row, in: $0) }
            if path.count > 1 { layer.trails.append(.init(points: path, color: color)) }
            if let from = arrowsFrom.flatMap({ position(of: row, in: $0) }),
               let to = arrowsTo.flatMap({ position(of: row, in: $0) }) {
                layer.arrows.append(.init(from: from, to: to, color: color))
            }
            if let point = shown.flatMap({ position(of: row, in: $0) }) {
                layer.points.append(.init(position: point, color: color))
            }
        }
        return layer
    }

    /// Row `row` of a 2-D (or wider) batch as a point, nil when missing or not finite.
    static func position(of row: Int, in batch: SampleBatch) -> SIMD2<Float>? {
        guard row >= 0, row < batch.count, batch.dimension >= 2 else { return nil }
        let p = SIMD2(batch[row, 0], batch[row, 1])
        return p.x.isFinite && p.y.isFinite ? p : nil
    }
}
