import Testing
import ToyWorld

struct DatasetTests {
    static func columnStats(_ batch: SampleBatch) -> (mean: SIMD2<Double>, std: SIMD2<Double>, maxAbs: Float) {
        var mean = SIMD2<Double>.zero
        for i in 0..<batch.count { mean += SIMD2(Double(batch[i, 0]), Double(batch[i, 1])) }
        mean /= Double(batch.count)
        var variance = SIMD2<Double>.zero
        for i in 0..<batch.count {
            let d = SIMD2(Double(batch[i, 0]), Double(batch[i, 1])) - mean
            variance += d * d
        }
        variance /= Double(batch.count)
        return (mean, variance.squareRoot(), batch.values.map(abs).max() ?? 0)
    }

    @Test(arguments: DatasetKind.allCases)
    func shapeAndScaleSuitAStandardNormalPrior(kind: DatasetKind) {
        let points = Dataset.builtin(kind).sample(count: 4000, seed: 11)
        #expect(points.count == 4000)
        #expect(points.dimension == 2)
        #expect(points.isFinite)
        let stats = Self.columnStats(points)
        #expect(abs(stats.mean.x) < 0.35 && abs(stats.mean.y) < 0.35, "mean \(stats.mean)")
        #expect(stats.std.x > 0.5 && stats.std.x < 1.5, "std x \(stats.std.x)")
        #expect(stats.std.y > 0.5 && stats.std.y < 1.5, "std y \(stats.std.y)")
        #expect(stats.maxAbs < 3, "largest coordinate \(stats.maxAbs)")
    }

    @Test(arguments: DatasetKind.allCases)
    func samplingIsDeterministicPerSeedAndPrefixStable(kind: DatasetKind) {
        let dataset = Dataset.builtin(kind)
        let a = dataset.sample(count: 300, seed: 5)
        #expect(a == dataset.sample(count: 300, seed: 5))
        #expect(a != dataset.sample(count: 300, seed: 6))
        // Point i depends only on (seed, i), so a shorter draw is a prefix.
        #expect(Array(a.values.prefix(200)) == dataset.sample(count: 100, seed: 5).values)
    }

    @Test(arguments: DatasetKind.allCases)
    func namesAndSummariesAreUsable(kind: DatasetKind) {
        #expect(DatasetKind(rawValue: kind.rawValue) == kind)
        #expect(Dataset.builtin(kind).name == kind.rawValue)
        #expect(!kind.summary.isEmpty && !kind.summary.contains("\n"))
    }

    @Test func mixtureDatasetsExposeTheirMixtureAndShapesTheirBandwidth() {
        #expect(Dataset.builtin(.eightGaussians).mixture?.components.count == 8)
        #expect(Dataset.builtin(.grid).mixture?.components.count == 25)
        #expect(Dataset.builtin(.pinwheel).mixture?.components.count == 15)
        #expect(Dataset.builtin(.twoMoons).mixture == nil)
        #expect(Dataset.builtin(.twoMoons).defaultBandwidth == 0.06)
        #expect(Dataset.builtin(.grid).defaultBandwidth == nil)
        #expect(Dataset.builtin(.circles).referencePoints.count == Dataset.referenceCount)
    }

    @Test func eightGaussiansSitOnTheirRing() {
        let points = Dataset.builtin(.eightGaussians).sample(count: 2000, seed: 1)
        for i in 0..<points.count {
            let r = (points[i, 0] * points[i, 0] + points[i, 1] * points[i, 1]).squareRoot()
            #expect(abs(r - 1.5) < 0.6)
        }
    }

    @Test func checkerboardPointsLandOnDarkSquares() {
        let points = Dataset.builtin(.checkerboard).sample(count: 2000, seed: 2)
        for i in 0..<points.count {
            let column = Int((points[i, 0] + 2).rounded(.down)), row = Int((points[i, 1] + 2).rounded(.down))
            #expect((column + row) % 2 == 0, "point \(points[i, 0]), \(points[i, 1])")
        }
    }

    @Test func lettersSpreadAcrossTheWord() {
        let points = Dataset.builtin(.ddimLetters).sample(count: 3000, seed: 3)
        let xs = (0..<points.count).map { points[$0, 0] }
        #expect((xs.min() ?? 0) < -2 && (xs.max() ?? 0) > 2)
        // Four letters: every fifth of the width holds points except the gaps between letters.
        let inFirstLetter = xs.filter { $0 < -1.3 }.count
        #expect(inFirstLetter > 300)
    }

    @Test func userPointsResampleWithoutReplacementUpToTheirCount() {
        let batch = SampleBatch(count: 5, dimension: 2, values: [0, 0, 1, 1, 2, 2, 3, 3, 4, 4])
        let dataset = Dataset.points(batch, name: "five")
        let all = dataset.sample(count: 5, seed: 9)
        #expect(Set(all.values) == Set(batch.values))
        #expect(dataset.sample(count: 12, seed: 9).count == 12)
        #expect(dataset.sample(count: 3, seed: 9) == dataset.sample(count: 3, seed: 9))
        #expect(dataset.name == "five" && dataset.kind == nil)
        #expect(dataset.defaultBandwidth.map { abs($0 - Float(2).squareRoot()) < 1e-5 } == true)
    }

    @Test func mixtureRejectsInvalidComponents() {
        #expect(throws: GaussianMixtureError.noComponents) { try GaussianMixture(components: []) }
        let bad = GaussianMixture.Component(weight: 1, mean: .zero, covariance: .init(xx: 1, xy: 2, yy: 1))
        #expect(throws: GaussianMixtureError.self) { try GaussianMixture(components: [bad]) }
        let negative = GaussianMixture.Component(weight: -1, mean: .zero, covariance: .isotropic(1))
        #expect(throws: GaussianMixtureError.invalidWeight(index: 0, weight: -1)) { try GaussianMixture(components: [negative]) }
    }

    @Test func orientedCovarianceHasTheRequestedSpreads() {
        let c = GaussianMixture.Covariance.oriented(angle: 0.7, along: 0.5, across: 0.1)
        // Eigenvalues are along² and across²: trace and determinant.
        #expect(abs(c.xx + c.yy - 0.26) < 1e-6)
        #expect(abs(c.determinant - 0.0025) < 1e-6)
    }
}
