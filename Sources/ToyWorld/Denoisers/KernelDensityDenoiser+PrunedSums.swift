extension KernelDensityDenoiser.Context {
    /// The weighted sums of the pruned path for one scaled point P: the blocks (`data`, four
    /// eight-lane vectors each: scaled x, scaled y, x, y) whose lower bound in `bounds` lies within
    /// ``KernelDensityDenoiser/Context/skipMargin`` of the reference distance m.
    ///
    /// The sums run on four-lane halves of each block (what one SSE register holds; the compiler
    /// splits eight-lane vectors less cleanly), with the same arithmetic per lane.
    ///
    /// ```swift
    /// let sums = PrunedSums(px: px, py: py, data: data, bounds: bounds, blocks: blocks)
    /// let (total, sumX, sumY) = sums.sums(m)
    /// ```
    struct PrunedSums {
        let px: Float, py: Float
        let data: UnsafePointer<SIMD8<Float>>
        let bounds: UnsafeMutablePointer<Float>
        let blocks: Int

        /// |P - U_j|² for the eight lanes of block `b`.
        @inline(__always)
        func distances(_ b: Int) -> SIMD8<Float> {
            let dx = SIMD8(repeating: px) - data[4 * b], dy = SIMD8(repeating: py) - data[4 * b + 1]
            return dx * dx + dy * dy
        }

        /// The smallest distance over the blocks not skipped for reference distance `m`.
        @inline(__always)
        func nearestDistance(beyond m: Float) -> Float {
            var nearest = SIMD8<Float>(repeating: .infinity)
            let skipBeyond = m + KernelDensityDenoiser.Context.skipMargin
            for b in 0..<blocks where !(bounds[b] > skipBeyond) {
                let dist = distances(b)
                nearest = nearest.replacing(with: dist, where: dist .< nearest)
            }
            return nearest.min()
        }

        /// Total weight and weighted x and y sums (per lane) for reference distance m; exponents
        /// clamped to [-100, 100]. The upper clamp only matters when m > 100 (every d_j >= 0).
        @inline(__always)
        func sums(_ m: Float) -> (SIMD8<Float>, SIMD8<Float>, SIMD8<Float>) {
            m <= 100 ? sums(m, clampHigh: false) : sums(m, clampHigh: true)
        }

        @inline(__always)
        private func sums(_ m: Float, clampHigh: Bool) -> (SIMD8<Float>, SIMD8<Float>, SIMD8<Float>) {
            let d4 = UnsafeRawPointer(data).assumingMemoryBound(to: SIMD4<Float>.self)
            var totalA = SIMD4<Float>.zero, sumXA = SIMD4<Float>.zero, sumYA = SIMD4<Float>.zero
            var totalB = SIMD4<Float>.zero, sumXB = SIMD4<Float>.zero, sumYB = SIMD4<Float>.zero
            let shift = SIMD4<Float>(repeating: m)
            let skipBeyond = m + KernelDensityDenoiser.Context.skipMargin
            for b in 0..<blocks where !(bounds[b] > skipBeyond) {
                let base = d4 + 8 * b
                let wa = weights(shift, base[0], base[2], clampHigh: clampHigh)
                totalA += wa
                sumXA += wa * base[4]
                sumYA += wa * base[6]
                let wb = weights(shift, base[1], base[3], clampHigh: clampHigh)
                totalB += wb
                sumXB += wb * base[5]
                sumYB += wb * base[7]
            }
            return (SIMD8(lowHalf: totalA, highHalf: totalB), SIMD8(lowHalf: sumXA, highHalf: sumXB),
                    SIMD8(lowHalf: sumYA, highHalf: sumYB))
        }

        /// 2^(shift - |P - U|²) for four lanes, the exponent clamped below (and above with `clampHigh`).
        @inline(__always)
        private func weights(_ shift: SIMD4<Float>, _ ux: SIMD4<Float>, _ uy: SIMD4<Float>,
                             clampHigh: Bool) -> SIMD4<Float> {
            let dx = SIMD4(repeating: px) - ux, dy = SIMD4(repeating: py) - uy
            var argument = shift - (dx * dx + dy * dy)
            let lowest = SIMD4<Float>(repeating: FastExp.lowestArgument), highest = SIMD4<Float>(repeating: 100)
            argument = argument.replacing(with: lowest, where: argument .< lowest)
            if clampHigh { argument = argument.replacing(with: highest, where: argument .> highest) }
            return FastExp.exp2Minimax(argument)
        }
    }
}
