import Foundation
import Testing
import ToyWorld

@Suite struct PaperTablesTests {
    func settings(count: Int = 64) -> RunSettings {
        var configuration = DDIMConfiguration()
        configuration.clipSample = false
        return RunSettings(count: count, seed: 5, configuration: configuration)
    }

    /// A metric that is easy to predict: distance between the means.
    let meanGap = SampleMetric(name: "mean gap") { a, b in
        var gap = 0.0
        for column in 0..<2 {
            let meanA = (0..<a.count).map { Double(a[$0, column]) }.reduce(0, +) / Double(a.count)
            let meanB = (0..<b.count).map { Double(b[$0, column]) }.reduce(0, +) / Double(b.count)
            gap += abs(meanA - meanB)
        }
        return gap
    }

    @Test func generationTableHasOneCellPerRowAndStepCount() throws {
        var calls: [Int] = []
        let table = try PaperTables.generation(settings: settings(), stepCounts: [2, 5, 10], metric: meanGap,
                                               progress: { done, total in calls.append(done); #expect(total == 15) })
        #expect(table.rows.map(\.setting) == NoiseSetting.paperRows)
        #expect(table.rows.allSatisfy { $0.cells.map(\.steps) == [2, 5, 10] })
        #expect(table.rows.allSatisfy { $0.cells.allSatisfy { $0.distance.isFinite && $0.secondsPerSample > 0 } })
        #expect(table.sampleCount == 64 && table.metricName == "mean gap")
        #expect(table.noiseFloor >= 0)
        #expect(calls == Array(1...15))
        #expect(table.repeats == 1 && table.rows[0].cells[0].standardError == 0)
    }

    @Test func repeatsAverageIndependentRunsAndGiveAStandardError() throws {
        let table = try PaperTables.generation(settings: settings(), rows: [.eta(1)], stepCounts: [5], repeats: 3, metric: meanGap)
        let single = try PaperTables.generation(settings: settings(), rows: [.eta(1)], stepCounts: [5], metric: meanGap)
        #expect(table.repeats == 3)
        #expect(table.rows[0].cells[0].standardError > 0)
        #expect(table.noiseFloorStandardError > 0)
        #expect(table.rows[0].cells[0].distance != single.rows[0].cells[0].distance)
    }

    @Test func generationCellsMeasureTheChainsOfTheirSettings() throws {
        let table = try PaperTables.generation(settings: settings(), rows: [.eta(0)], stepCounts: [10], metric: meanGap)
        var run = settings()
        run.steps = 10
        var chain = try SamplingChain(settings: run)
        try chain.runToEnd()
        let dataset = run.makeDataset()
        let reference = dataset.sample(count: 64, seed: 5 &+ 0x5EED_0001)
        #expect(table.rows[0].cells[0].distance == meanGap.distance(chain.current, reference))
    }

    @Test func noiseSettingsMapToEtaAndVariance() {
        let base = settings()
        let half = NoiseSetting.eta(0.5).applied(to: base)
        #expect(half.eta == 0.5 && half.configuration.varianceKind == .ddim)
        let large = NoiseSetting.sigmaHat.applied(to: base)
        #expect(large.eta == 1 && large.configuration.varianceKind == .largeSigmaHat)
    }

    @Test func reconstructionErrorShrinksAsStepsGrow() throws {
        let table = try PaperTables.reconstruction(settings: settings(count: 100), stepCounts: [10, 50, 200])
        #expect(table.stepCounts == [10, 50, 200])
        #expect(table.meanSquaredErrors.count == 3 && table.secondsPerSample.count == 3)
        #expect(table.meanSquaredErrors[0] > table.meanSquaredErrors[1])
        #expect(table.meanSquaredErrors[1] > table.meanSquaredErrors[2])
        #expect(table.meanSquaredErrors[2] < 1e-3)
    }

    @Test func inversionThenDecodingWithOneStepPerLevelIsNearlyExact() throws {
        let dataset = Dataset.builtin(.eightGaussians)
        let points = dataset.sample(count: 20, seed: 1)
        var configuration = DDIMConfiguration()
        configuration.clipSample = false
        var inverse = try DDIMInverseScheduler(configuration: configuration)
        try inverse.setTimesteps(1000)
        var forward = try DDIMScheduler(configuration: configuration)
        try forward.setTimesteps(1000)
        let denoiser = dataset.exactDenoiser(bandwidth: nil)
        let latents = try DeterministicChain.run(inverse, denoiser: denoiser, from: points)
        #expect(PaperTables.meanSquaredError(latents, points) > 0.05, "x_T has moved away from the data")
        let decoded = try DeterministicChain.run(forward, denoiser: denoiser, from: latents)
        #expect(PaperTables.meanSquaredError(decoded, points) < 1e-3)
    }

    @Test func meanSquaredErrorOfKnownBatches() {
        let a = SampleBatch(count: 2, dimension: 2, values: [0, 0, 1, 1])
        let b = SampleBatch(count: 2, dimension: 2, values: [0, 2, 1, 1])
        #expect(PaperTables.meanSquaredError(a, a) == 0)
        #expect(PaperTables.meanSquaredError(a, b) == 1)
        #expect(PaperTables.meanSquaredError(a, SampleBatch(count: 1, dimension: 2, values: [0, 0])) == .infinity)
    }
}
