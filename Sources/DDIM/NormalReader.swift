/// Reads a ``PhiloxGenerator``'s normal stream in order from any index, 16 values (one pair step
/// of ``SuperblockLanes``) at a time: whole steps go straight to the destination, a partly read
/// one is kept for the next read, and each step is generated once.
///
/// The fused step keeps one reader per chunk of rows and asks it for a few steps at a time, so
/// making noise (arithmetic) interleaves with streaming the arrays (memory) instead of
/// alternating with it in long bursts.
///
/// ```swift
/// var reader = NormalReader(generator: g, startingAt: 100)
/// reader.read(into: out, count: 1000)      // values 100 ..< 1100 of the stream
/// ```
struct NormalReader {
    let generator: PhiloxGenerator
    /// Stream index of the next value read.
    private(set) var index: UInt64
    private let vectorized: Bool
    /// The lanes of the superblock being read, positioned after the last step generated.
    private var lanes: SuperblockLanes
    /// The last step generated when it was only partly read, and its index (stream index / 16).
    private var partial = SIMD16<Float>()
    private var partialGroup: UInt64?

    init(generator: PhiloxGenerator, startingAt index: UInt64, vectorized: Bool = PhiloxGenerator.vectorizedByDefault) {
        self.generator = generator
        self.index = index
        self.vectorized = vectorized
        lanes = SuperblockLanes(generator: generator, superblock: index / UInt64(PhiloxGenerator.superblockSize))
    }

    /// Writes the next `count` values to `out[0 ..< count]`.
    mutating func read(into out: UnsafeMutablePointer<Float>, count: Int) {
        let size = PhiloxGenerator.valuesPerStep
        var written = 0
        while written < count {
            let group = index / UInt64(size), offset = Int(index % UInt64(size))
            var take = min(size - offset, count - written)
            if take == size {
                // Whole steps, as many as the request and the superblock hold, straight to `out`.
                let stepsLeft = PhiloxGenerator.stepsPerSuperblock - Int(group % UInt64(PhiloxGenerator.stepsPerSuperblock))
                let steps = min((count - written) / size, stepsLeft)
                generate(group, steps: steps, to: out + written)
                take = steps * size
            } else {
                if partialGroup != group {
                    var values = SIMD16<Float>()
                    withUnsafeMutableBytes(of: &values) { bytes in
                        generate(group, steps: 1, to: bytes.baseAddress!.assumingMemoryBound(to: Float.self))
                    }
                    (partial, partialGroup) = (values, group)
                }
                withUnsafeBytes(of: partial) { bytes in
                    (out + written).update(from: bytes.baseAddress!.assumingMemoryBound(to: Float.self) + offset, count: take)
                }
            }
            written += take
            index &+= UInt64(take)
        }
    }

    /// Writes steps `group ..< group + steps` of the stream (16 values each, all in one
    /// superblock) to `out`.
    private mutating func generate(_ group: UInt64, steps: Int, to out: UnsafeMutablePointer<Float>) {
        let stepsPerSuperblock = UInt64(PhiloxGenerator.stepsPerSuperblock)
        let superblock = group / stepsPerSuperblock, step = Int(group % stepsPerSuperblock)
        if lanes.superblock != superblock || lanes.step > step {
            lanes = SuperblockLanes(generator: generator, superblock: superblock)
        }
        if lanes.step < step { lanes.skip(steps: step - lanes.step) }
        lanes.write(steps: steps, to: out, vectorized: vectorized)
    }
}
