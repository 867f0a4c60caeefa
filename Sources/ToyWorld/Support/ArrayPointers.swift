/// Calls `body` with read pointers to four arrays at once, so kernels that read several arrays
/// take them in one closure instead of a pyramid of `withUnsafeBufferPointer`s.
///
/// ```swift
/// let total = withPointers(xs, ys, zs, ws) { x, y, z, w in x[0] + y[0] + z[0] + w[0] }
/// ```
func withPointers<A, B, C, D, R>(
    _ a: [A], _ b: [B], _ c: [C], _ d: [D],
    _ body: (UnsafeBufferPointer<A>, UnsafeBufferPointer<B>, UnsafeBufferPointer<C>, UnsafeBufferPointer<D>) throws -> R
) rethrows -> R {
    try a.withUnsafeBufferPointer { a in
        try b.withUnsafeBufferPointer { b in
            try c.withUnsafeBufferPointer { c in
                try d.withUnsafeBufferPointer { d in try body(a, b, c, d) }
            }
        }
    }
}
