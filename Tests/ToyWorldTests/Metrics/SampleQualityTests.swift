import Foundation
import Testing
import ToyWorld

struct SampleQualityTests {
    @Test func mmdIsZeroForIdenticalSetsAndSymmetric() {
        let x = Dataset.builtin(.twoMoons).sample(count: 300, seed: 1)
        let y = Dataset.builtin(.twoMoons).sample(count: 300, seed: 2)
        #expect(SampleQuality.mmd(x, x) == 0)
        #expect(abs(SampleQuality.mmd(x, y) - SampleQuality.mmd(y, x)) < 1e-6)
        #expect(SampleQuality.mmd(x, y) > 0)
    }

    @Test func mmdOfTwoSinglePointsMatchesTheFormula() {
        let x = SampleBatch(count: 1, dimension: 2, values: [0, 0])
        let y = SampleBatch(count: 1, dimension: 2, values: [1, 0])
        // k(x,x) = k(y,y) = 1, k(x,y) = mean_i exp(-1 / (2 sigma_i²)) with sigma_i = 2 / sqrt(2)^i.
        let cross = (0..<7).map { exp(-pow(2.0, Double($0)) / 8) }.reduce(0, +) / 7
        let expected = (2 - 2 * cross).squareRoot()
        #expect(abs(Double(SampleQuality.mmd(x, y)) - expected) < 1e-5)
        #expect(SampleQuality.mmdBandwidths.count == 7)
        #expect(abs(SampleQuality.mmdBandwidths[0] - 2) < 1e-6 && abs(SampleQuality.mmdBandwidths[6] - 0.25) < 1e-6)
    }

    @Test func noiseFloorShrinksWithSampleSizeAndSitsFarBelowAWrongDistribution() {
        let dataset = Dataset.builtin(.eightGaussians)
        let small = SampleQuality.noiseFloor(of: dataset, count: 100, seed: 1)
        let large = SampleQuality.noiseFloor(of: dataset, count: 800, seed: 1)
        #expect(large < small)
        #expect(large > 0)
        var g = PhiloxGenerator(seed: 4)
        let gaussian = SampleBatch.randomNormal(count: 800, dimension: 2, using: &g)
        let wrong = SampleQuality.mmd(gaussian, dataset.sample(count: 800, seed: 9))
        #expect(wrong > 5 * large, "wrong \(wrong) floor \(large)")
        #expect(SampleQuality.noiseFloor(of: dataset, count: 200, seed: 3) == SampleQuality.noiseFloor(of: dataset, count: 200, seed: 3))
    }

    @Test func precisionAndRecallOnATinyExample() {
        let data = SampleBatch(count: 4, dimension: 2, values: [0, 0, 1, 0, 2, 0, 3, 0])
        let generated = SampleBatch(count: 2, dimension: 2, values: [0.5, 0, 10, 10])
        let pr = SampleQuality.precisionRecall(generated: generated, data: data, neighbours: 1)
        #expect(pr.precision == 0.5)     // (0.5, 0) is within 1 of a data point; (10, 10) is not
        #expect(pr.recall == 1)          // each generated ball reaches the other generated point (13.8 away)
        let same = SampleQuality.precisionRecall(generated: data, data: data)
        #expect(same.precision == 1 && same.recall == 1)
    }

    @Test func modeCollapseKeepsPrecisionButLosesRecall() {
        let data = Dataset.builtin(.eightGaussians).sample(count: 400, seed: 1)
        // Every generated point in the first Gaussian (at (1.5, 0)).
        var g = PhiloxGenerator(seed: 2)
        var collapsed = SampleBatch.randomNormal(count: 400, dimension: 2, using: &g)
        for i in 0..<collapsed.count {
            collapsed[i, 0] = 1.5 + 0.1 * collapsed[i, 0]
            collapsed[i, 1] = 0.1 * collapsed[i, 1]
        }
        let pr = SampleQuality.precisionRecall(generated: collapsed, data: data)
        #expect(pr.precision > 0.9)
        #expect(pr.recall < 0.25)
    }

    @Test func reportIsReproducibleAndNonFiniteInputGivesNaN() {
        let dataset = Dataset.builtin(.twoMoons)
        let generated = dataset.sample(count: 300, seed: 77)
        let report = SampleQuality.evaluate(generated: generated, dataset: dataset, seed: 5)
        #expect(report == SampleQuality.evaluate(generated: generated, dataset: dataset, seed: 5,
                                                 parallelism: Parallelism(chunks: 3, minimumRowsPerChunk: 1)))
        #expect(report.count == 300)
        #expect(report.mmd < 3 * report.noiseFloor)   // real data scores like the noise floor
        #expect(report.precision > 0.8 && report.recall > 0.8)
        var broken = generated
        broken[0, 0] = .nan
        #expect(SampleQuality.mmd(broken, generated).isNaN)
    }

    @Test func aReusedReferenceScoresLikeTheOneShotFunctions() {
        let dataset = Dataset.builtin(.circles)
        let reference = SampleQuality.Reference(dataset: dataset, count: 200, seed: 3)
        var g = PhiloxGenerator(seed: 5)
        let generated = SampleBatch.randomNormal(count: 200, dimension: 2, using: &g)
        let report = reference.evaluate(generated)
        #expect(abs(report.mmd - SampleQuality.mmd(generated, reference.data)) < 1e-6)
        #expect(report.noiseFloor == SampleQuality.noiseFloor(of: dataset, count: 200, seed: 3))
        let pr = SampleQuality.precisionRecall(generated: generated, data: reference.data)
        #expect(report.precision == pr.precision && report.recall == pr.recall)
        #expect(report == SampleQuality.evaluate(generated: generated, dataset: dataset, seed: 3))
    }
}
