import ToyWorld

/// The cheap live quality measure: ToyWorld's MMD and precision/recall on a prefix subsample of
/// the points (the rows are independent, so a prefix is a fair sample) against a data sample.
enum QualityProbe {
    /// The probe is small; one chunk avoids thread overhead.
    static let single = Parallelism(chunks: 1)

    /// One line saying what the numbers are.
    static func summary(_ size: Int) -> String { "MMD, k-NN precision/recall on \(size) points" }

    static func measure(_ points: SampleBatch, against data: SampleBatch, sampleSize: Int) -> QualityPoint {
        let a = prefix(points, sampleSize), b = prefix(data, sampleSize)
        let pr = SampleQuality.precisionRecall(generated: a, data: b, parallelism: single)
        return QualityPoint(distance: SampleQuality.mmd(a, b, parallelism: single), precision: pr.precision, recall: pr.recall)
    }

    /// The MMD a perfect sampler would score at this sample size.
    static func noiseFloor(of dataset: Dataset, seed: UInt64, sampleSize: Int) -> Float {
        SampleQuality.noiseFloor(of: dataset, count: sampleSize, seed: seed, parallelism: single)
    }

    static func prefix(_ batch: SampleBatch, _ count: Int) -> SampleBatch {
        let n = min(count, batch.count)
        return SampleBatch(count: n, dimension: batch.dimension, values: Array(batch.values.prefix(n * batch.dimension)))
    }
}
