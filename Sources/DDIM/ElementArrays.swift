/// The arrays of one block of the element-wise pass, already offset to the block.
struct ElementArrays {
    let x: UnsafePointer<Float>, e: UnsafePointer<Float>, z: UnsafePointer<Float>?
    let prev: UnsafeMutablePointer<Float>, x0: UnsafeMutablePointer<Float>
    let count: Int

    /// The same arrays from `offset` on, `count` elements long.
    func slice(from offset: Int, count: Int) -> ElementArrays {
        ElementArrays(x: x + offset, e: e + offset, z: z.map { $0 + offset }, prev: prev + offset, x0: x0 + offset,
                      count: count)
    }

    /// The same arrays with the noise `z` (already offset to this block) instead.
    func withNoise(_ z: UnsafePointer<Float>?) -> ElementArrays {
        ElementArrays(x: x, e: e, z: z, prev: prev, x0: x0, count: count)
    }
}
