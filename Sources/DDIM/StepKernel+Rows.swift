extension StepKernel {
    /// Elements per block: noise is generated into a stack buffer of this size.
    static let blockElements = 512
    /// Elements per block when the pass generates its noise: a few pair steps of noise between
    /// stretches of the arrays, so the arithmetic overlaps the memory traffic.
    static let generatedNoiseBlockElements = 64

    /// The pass over rows `rows` of `arrays` (whole-batch pointers), block by block; with a
    /// `generator`, each block's noise is made into a stack buffer first.
    func runRows(_ rows: Range<Int>, dimension: Int, arrays: ElementArrays, generator: PhiloxGenerator?) {
        let blockElements = generator == nil ? Self.blockElements : Self.generatedNoiseBlockElements
        let rowsPerBlock = max(1, blockElements / max(1, dimension))
        let scratchCapacity = generator == nil ? 0 : rowsPerBlock * dimension
        withUnsafeTemporaryAllocation(of: Float.self, capacity: scratchCapacity) { noiseScratch in
            // One reader for the whole range: each superblock of noise is generated once.
            var reader = generator.map { g in
                NormalReader(generator: g, startingAt: g.position &+ UInt64(rows.lowerBound * dimension))
            }
            var row = rows.lowerBound
            while row < rows.upperBound {
                let blockRows = min(rowsPerBlock, rows.upperBound - row)
                var block = arrays.slice(from: row * dimension, count: blockRows * dimension)
                if let noiseBlock = noiseScratch.baseAddress, reader != nil {
                    reader?.read(into: noiseBlock, count: block.count)
                    block = block.withNoise(UnsafePointer(noiseBlock))
                }
                runBlock(block, rows: blockRows, dimension: dimension)
                row += blockRows
            }
        }
    }

    private func runBlock(_ block: ElementArrays, rows: Int, dimension: Int) {
        guard case .threshold(let ratio, let maxValue) = bounding else { return elementwise(block) }
        withUnsafeTemporaryAllocation(of: Float.self, capacity: dimension) { rowScratch in
            for r in 0..<rows {
                thresholdRow(block.slice(from: r * dimension, count: dimension), ratio: ratio, maxValue: maxValue,
                             scratch: rowScratch)
            }
        }
    }
}
