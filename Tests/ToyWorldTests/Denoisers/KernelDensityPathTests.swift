import Foundation
import Testing
import ToyWorld

/// The kernel-density denoiser's two paths (expanded sums for rows where every reference matters,
/// pruned blocks for the rest) against the Double brute force: every padding case of the
/// reference groups, both sides of the boundary between the paths, degenerate reference sets.
struct KernelDensityPathTests {
    /// Points near the data (the expanded path at mid and high noise).
    static let nearProbes = SampleBatch(count: 7, dimension: 2, values: [0, 0, 0.4, -0.3, 1.5, 0.2, -1.2, 0.8, 2.5, -1.5, 4, 3, -6, 1])
    /// Points far out (the pruned path except at the highest noise). Their squared distances are
    /// large, so their exponents carry larger rounding errors.
    static let farProbes = SampleBatch(count: 2, dimension: 2, values: [25, -10, -40, 60])

    static func expectMatchesBruteForce(_ denoiser: KernelDensityDenoiser, _ x: SampleBatch, alphaProduct: Float,
                                        tolerance: Double, _ label: String) {
        let prediction = denoiser.prediction(for: x, alphaProduct: alphaProduct)
        // Bandwidth 0 is the limit of tiny kernels.
        let kernels = BruteForce.kernels(denoiser.references, bandwidth: max(Double(denoiser.bandwidth), 1e-9))
        var reference: [Int: (SIMD2<Double>, SIMD2<Double>)] = [:]
        for row in 0..<x.count {
            let point = SIMD2(Double(x[row, 0]), Double(x[row, 1]))
            reference[row] = BruteForce.posterior(point, components: kernels, alphaProduct: Double(alphaProduct))
        }
        DenoiserTests.compare(prediction, against: reference, tolerance: tolerance, label)
    }

    @Test(arguments: 1...17)
    func everyPaddingCaseMatchesBruteForce(count: Int) throws {
        let references = Dataset.builtin(.twoMoons).sample(count: count, seed: UInt64(count))
        for bandwidth in [Float(0), 0.05, 0.3] {
            let denoiser = try KernelDensityDenoiser(references: references, bandwidth: bandwidth)
            for alphaProduct in [Float(0.01), 0.1, 0.5, 0.9, 0.999] {
                // The float exponents' rounding grows with their size, about |log2-weight| x 2^-24:
                // near 700 for a probe 1 away from the nearest reference at alpha-bar 0.999 and
                // bandwidth 0, which moves the mean by ~1e-5; elsewhere the error is far smaller.
                let nearTolerance = alphaProduct > 0.99 ? 3e-5 : 1e-5
                Self.expectMatchesBruteForce(denoiser, Self.nearProbes, alphaProduct: alphaProduct, tolerance: nearTolerance,
                                             "near n=\(count) h=\(bandwidth) ab=\(alphaProduct)")
                Self.expectMatchesBruteForce(denoiser, Self.farProbes, alphaProduct: alphaProduct, tolerance: 1e-4,
                                             "far n=\(count) h=\(bandwidth) ab=\(alphaProduct)")
            }
        }
    }

    /// Points on both sides of the boundary between the paths: where the squared distances from
    /// the scaled point to the scaled reference box span 44 (log2-weight), r = 11 / R for a box of
    /// half diagonal R, in the units where the log2-weight is minus the squared distance.
    @Test(arguments: [Float(0.05), 0.3, 0.7])
    func bothSidesOfTheBoundaryMatchBruteForce(alphaProduct: Float) throws {
        let references = Dataset.builtin(.twoMoons).sample(count: 300, seed: 2)
        let bandwidth = 0.06
        let denoiser = try KernelDensityDenoiser(references: references, bandwidth: Float(bandwidth))
        let ab = Double(alphaProduct), a = ab.squareRoot()
        let k = (1 / log(2.0) / (2 * (ab * bandwidth * bandwidth + 1 - ab))).squareRoot()
        let xs = (0..<references.count).map { Double(references[$0, 0]) }
        let ys = (0..<references.count).map { Double(references[$0, 1]) }
        let (lowX, highX, lowY, highY) = (xs.min() ?? 0, xs.max() ?? 0, ys.min() ?? 0, ys.max() ?? 0)
        let radius = k * a * ((highX - lowX) * (highX - lowX) + (highY - lowY) * (highY - lowY)).squareRoot() / 2
        let boundary = 11 / radius
        #expect(boundary > radius)
        // The centre of the box, in x_t units, and points at distances just inside and outside.
        let centre = SIMD2(a * (lowX + highX) / 2, a * (lowY + highY) / 2)
        var values: [Float] = []
        for factor in [0.9, 0.98, 0.999, 1.001, 1.02, 1.1] {
            for angle in stride(from: 0.0, to: 2 * Double.pi, by: Double.pi / 3) {
                let distance = factor * boundary / k
                values += [Float(centre.x + distance * cos(angle)), Float(centre.y + distance * sin(angle))]
            }
        }
        let x = SampleBatch(count: values.count / 2, dimension: 2, values: values)
        Self.expectMatchesBruteForce(denoiser, x, alphaProduct: alphaProduct, tolerance: 2e-5, "boundary ab=\(alphaProduct)")
    }

    @Test(arguments: [Float(0), 0.2])
    func identicalReferencesGiveThatPointAtAnyDistance(bandwidth: Float) throws {
        let references = SampleBatch(count: 11, dimension: 2, values: Array(repeating: [0.7, -0.2], count: 11).flatMap { $0 })
        let denoiser = try KernelDensityDenoiser(references: references, bandwidth: bandwidth)
        let x = SampleBatch(count: 4, dimension: 2, values: [0, 0, 0.7, -0.2, 1e6, -3e5, -2e18, 1e18])
        for alphaProduct in [Float(0.01), 0.5, 0.999] {
            let prediction = denoiser.prediction(for: x, alphaProduct: alphaProduct)
            let a = alphaProduct.squareRoot(), c = alphaProduct * bandwidth * bandwidth + 1 - alphaProduct
            for row in 0..<x.count {
                // E[x0 | x_t] = y + a h² (x_t - a y) / c with the one kernel y.
                for (column, y) in [Float(0.7), -0.2].enumerated() {
                    let expected = y + a * bandwidth * bandwidth * (x[row, column] - a * y) / c
                    let got = prediction.originalSample[row, column]
                    #expect(abs(got - expected) <= 1e-6 * max(1, abs(expected)), "ab=\(alphaProduct) row \(row): \(got) vs \(expected)")
                }
            }
        }
    }

    @Test func eachRowIsComputedTheSameWayAloneOrInABatch() throws {
        var generator = PhiloxGenerator(seed: 21)
        var values = SampleBatch.randomNormal(count: 40, dimension: 2, using: &generator).values
        values += [30, -2, -45, 80, 3e4, 1, 0.5, 1e-3]   // rows for the pruned path too
        let x = SampleBatch(count: values.count / 2, dimension: 2, values: values)
        let denoiser = try KernelDensityDenoiser(references: Dataset.builtin(.circles).referencePoints, bandwidth: 0.05,
                                                 parallelism: Parallelism(chunks: 3, minimumRowsPerChunk: 1))
        for alphaProduct in [Float(0.05), 0.6, 0.98] {
            let batch = denoiser.prediction(for: x, alphaProduct: alphaProduct)
            for row in 0..<x.count {
                let one = SampleBatch(count: 1, dimension: 2, values: [x[row, 0], x[row, 1]])
                let alone = denoiser.prediction(for: one, alphaProduct: alphaProduct)
                #expect(alone.originalSample.values == [batch.originalSample[row, 0], batch.originalSample[row, 1]])
                #expect(alone.noise.values == [batch.noise[row, 0], batch.noise[row, 1]])
            }
        }
    }
}
