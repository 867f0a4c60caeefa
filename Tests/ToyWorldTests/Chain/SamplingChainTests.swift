import Testing
import ToyWorld

struct SamplingChainTests {
    @Test func chainKeepsEveryStateAndPredictedOriginal() throws {
        var chain = try SamplingChain(settings: RunSettings(dataset: .twoMoons, count: 64, steps: 10))
        #expect(chain.timesteps.count == 10 && chain.stepIndex == 0 && !chain.isFinished)
        try chain.advance()
        #expect(chain.states.count == 2 && chain.predictedOriginals.count == 1)
        try chain.runToEnd()
        #expect(chain.isFinished && chain.states.count == 11 && chain.predictedOriginals.count == 10)
        #expect(!chain.hasNonFiniteValues)
        try chain.advance()   // finished: nothing happens
        #expect(chain.states.count == 11)
    }

    @Test(arguments: [NoiseKind.philox, .torch])
    func sameSettingsSamePointsWhateverTheThreadCount(noise: NoiseKind) throws {
        var settings = RunSettings(dataset: .swissRoll, count: 90, seed: 3, steps: 6, eta: 0.7, noise: noise)
        settings.configuration.clipSample = true   // exercised too
        settings.configuration.clipSampleRange = 2
        var finals: [SampleBatch] = []
        for chunks in [1, 2, 5] {
            var chain = try SamplingChain(settings: settings, parallelism: Parallelism(chunks: chunks, minimumRowsPerChunk: 1))
            try chain.runToEnd()
            finals.append(chain.current)
        }
        #expect(finals[1] == finals[0] && finals[2] == finals[0])
        var other = settings
        other.seed = 4
        var chain = try SamplingChain(settings: other)
        try chain.runToEnd()
        #expect(chain.current != finals[0])
    }

    @Test func rewindThenAdvanceReproducesTheSameStates() throws {
        var chain = try SamplingChain(settings: RunSettings(dataset: .grid, count: 100, seed: 1, steps: 12, eta: 1))
        try chain.runToEnd()
        let original = chain.states
        chain.rewind(to: 4)
        #expect(chain.stepIndex == 4 && chain.predictedOriginals.count == 4)
        try chain.runToEnd()
        #expect(chain.states == original)
    }

    @Test func torchNoiseStartsFromTorchRandn() throws {
        let chain = try SamplingChain(settings: RunSettings(count: 20, seed: 42, noise: .torch))
        var g = TorchGenerator(seed: 42)
        #expect(chain.states[0] == SampleBatch.randomNormal(count: 20, dimension: 2, using: &g))
    }

    @Test func zeroTerminalSNRNeverCrashes() throws {
        for type in PredictionType.allCases {
            var settings = RunSettings(dataset: .eightGaussians, count: 50, steps: 10)
            settings.configuration.rescaleBetasZeroSnr = true
            settings.configuration.timestepSpacing = .trailing
            settings.configuration.predictionType = type
            var chain = try SamplingChain(settings: settings)
            do {
                try chain.runToEnd()
                #expect(chain.isFinished && !chain.hasNonFiniteValues, "\(type)")
            } catch {
                // epsilon at alpha-bar = 0 is reported by the scheduler, and the chain is unchanged.
                #expect(type == .epsilon, "\(type): \(error)")
                #expect(chain.stepIndex == 0)
            }
        }
    }

    @Test func diffusersDefaultClippingSquashesTheToyData() throws {
        var settings = RunSettings(dataset: .eightGaussians, count: 200, steps: 20)
        #expect(!settings.configuration.clipSample)
        settings.configuration.clipSample = true
        var chain = try SamplingChain(settings: settings)
        try chain.runToEnd()
        // x0 is clamped to [-1, 1] at every step, so nothing reaches the ring of radius 1.5.
        #expect(chain.current.values.allSatisfy { abs($0) < 1.2 })
    }

    @Test func badSettingsAreReported() {
        #expect(throws: SamplingChainError.invalidCount(0)) { try SamplingChain(settings: RunSettings(count: 0)) }
        #expect(throws: (any Error).self) { try SamplingChain(settings: RunSettings(steps: 0)) }
        #expect(throws: (any Error).self) { try SamplingChain(settings: RunSettings(eta: -1)) }
        #expect(throws: DenoiserError.self) { try SamplingChain(settings: RunSettings(dataset: .twoMoons, bandwidth: -2)) }
        #expect(throws: SamplingChainError.userPointsNotTwoDimensional(3)) {
            try SamplingChain(settings: RunSettings(userPoints: SampleBatch(zerosCount: 4, dimension: 3)))
        }
    }

    @Test func userPointsDriveTheChain() throws {
        let points = try PointsFile.parse("0,0\n1,1\n-1,1\n0.5,-1\n", name: "mine.csv")
        let settings = RunSettings(userPoints: points, userPointsName: "mine.csv", count: 40, steps: 20, bandwidth: 0)
        #expect(settings.datasetName == "mine.csv")
        var chain = try SamplingChain(settings: settings)
        try chain.runToEnd()
        // The ideal denoiser memorizes: every final point is (nearly) one of the four points.
        for i in 0..<chain.current.count {
            let p = SIMD2(chain.current[i, 0], chain.current[i, 1])
            let nearest = (0..<points.count).map { j -> Float in
                let d = p - SIMD2(points[j, 0], points[j, 1])
                return (d * d).sum()
            }.min() ?? 1
            #expect(nearest < 1e-3)
        }
    }

    @Test func fiftyStepDDIMOnEightGaussiansReachesTheNoiseFloor() throws {
        let settings = RunSettings(dataset: .eightGaussians, count: 1000, seed: 7, steps: 50, eta: 0)
        var chain = try SamplingChain(settings: settings)
        try chain.runToEnd()
        let report = SampleQuality.evaluate(generated: chain.current, dataset: settings.makeDataset(), seed: 1)
        #expect(report.mmd < 2 * report.noiseFloor + 0.005, "mmd \(report.mmd) floor \(report.noiseFloor)")
        #expect(report.precision > 0.9 && report.recall > 0.9, "\(report)")
    }
}
