/// Points in blocks of eight lanes, with a 0/1 mask for the padding of the last block.
struct PointBlocks: Sendable {
    var x: [SIMD8<Float>] = [], y: [SIMD8<Float>] = [], valid: [SIMD8<Float>] = []

    init(_ batch: SampleBatch) {
        let blocks = (batch.count + 7) / 8
        x = .init(repeating: .zero, count: blocks)
        y = .init(repeating: .zero, count: blocks)
        valid = .init(repeating: .zero, count: blocks)
        for i in 0..<batch.count {
            x[i / 8][i % 8] = batch[i, 0]
            y[i / 8][i % 8] = batch[i, 1]
            valid[i / 8][i % 8] = 1
        }
    }
}
