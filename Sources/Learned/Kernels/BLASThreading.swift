/// The Learned module parallelizes over blocks of rows itself, one OpenBLAS call per block on
/// each of its threads, so OpenBLAS runs single-threaded (set once, process-wide, before the first
/// product). Measured on the 2-core machine of the README (`bench` rows "OpenBLAS threads"): training
/// steps at batch 512 were faster this way in all six runs, inference of 100,000 points in five of
/// six; and only this way are results independent of the thread count.
///
/// ```swift
/// BLASThreading.useOneThreadPerProduct()   // every entry point of the module calls it
/// ```
enum BLASThreading {
    private static let configured: Bool = {
        MatrixProduct.threads = 1
        return true
    }()

    /// Makes OpenBLAS single-threaded the first time it is called (later calls do nothing, so a
    /// caller that sets `MatrixProduct.threads` afterwards, as the benchmark does, keeps its setting).
    static func useOneThreadPerProduct() {
        _ = configured
    }
}
