import DDIM
import Testing

/// A Gaussian source that is not Philox: the step must draw its whole noise block from it first.
struct CountingSource: GaussianSource {
    var next: Float = 0
    mutating func fillNormals(_ buffer: UnsafeMutableBufferPointer<Float>) {
        for i in buffer.indices {
            buffer[i] = (next.truncatingRemainder(dividingBy: 7) - 3) / 3
            next += 1
        }
    }
}

@Suite struct StepPropertyTests {
    static func randomBatch(rows: Int, dimension: Int, seed: UInt64, scale: Float = 1) -> SampleBatch {
        var g = PhiloxGenerator(seed: seed, stream: 9)
        return SampleBatch(count: rows, dimension: dimension, values: g.normals(count: rows * dimension).map { $0 * scale })
    }

    static func scheduler(_ edit: (inout DDIMConfiguration) -> Void = { _ in }) throws -> DDIMScheduler {
        var config = DDIMConfiguration()
        edit(&config)
        var scheduler = try DDIMScheduler(configuration: config)
        try scheduler.setTimesteps(20)
        return scheduler
    }

    @Test func etaZeroIsDeterministicIgnoresNoiseAndLeavesTheGeneratorAlone() throws {
        let scheduler = try Self.scheduler()
        let x = Self.randomBatch(rows: 100, dimension: 2, seed: 1), e = Self.randomBatch(rows: 100, dimension: 2, seed: 2)
        let a = try scheduler.step(modelOutput: e, timestep: 950, sample: x)
        let b = try scheduler.step(modelOutput: e, timestep: 950, sample: x)
        #expect(a == b)
        var g = PhiloxGenerator(seed: 5)
        let c = try scheduler.step(modelOutput: e, timestep: 950, sample: x, eta: 0,
                                   noise: scheduler.noise(eta: 0, drawnFrom: &g, like: x))
        #expect(c == a && g.position == 0)
        let d = try scheduler.step(modelOutput: e, timestep: 950, sample: x, noise: .varianceNoise(e))
        #expect(d == a)
    }

    @Test(arguments: [false, true])
    func resultsDoNotDependOnThreadCount(thresholding: Bool) throws {
        var scheduler = try Self.scheduler { $0.thresholding = thresholding; $0.predictionType = .vPrediction }
        let rows = 40_001
        let x = Self.randomBatch(rows: rows, dimension: 2, seed: 3, scale: 2)
        let e = Self.randomBatch(rows: rows, dimension: 2, seed: 4, scale: 2)
        var outputs: [SchedulerOutput] = []
        for threads in [1, 2, 3, 8] {
            scheduler.maximumThreads = threads
            var g = PhiloxGenerator(seed: 11, stream: 1, position: 7)
            outputs.append(try scheduler.step(modelOutput: e, timestep: 500, sample: x, eta: 0.7, noise: .drawn(from: &g, like: x)))
            #expect(g.position == 7 + UInt64(rows * 2))
            outputs.append(try scheduler.step(modelOutput: e, timestep: 500, sample: x, eta: 0))
        }
        for pair in stride(from: 2, to: outputs.count, by: 2) {
            #expect(outputs[pair] == outputs[0])
            #expect(outputs[pair + 1] == outputs[1])
        }
        #expect(outputs[0] != outputs[1])
    }

    @Test func philoxNoiseInsideThePassEqualsTheSameNoiseGivenExplicitly() throws {
        let scheduler = try Self.scheduler()
        let x = Self.randomBatch(rows: 1001, dimension: 3, seed: 5), e = Self.randomBatch(rows: 1001, dimension: 3, seed: 6)
        var g = PhiloxGenerator(seed: 21, position: 13)
        var copy = g
        let inPass = try scheduler.step(modelOutput: e, timestep: 700, sample: x, eta: 1, noise: .drawn(from: &g, like: x))
        let z = SampleBatch(count: 1001, dimension: 3, values: copy.normals(count: 3003))
        let explicit = try scheduler.step(modelOutput: e, timestep: 700, sample: x, eta: 1, noise: .varianceNoise(z))
        #expect(inPass == explicit)
        #expect(g == copy)
    }

    @Test func otherSourcesDrawTheWholeBlockFirst() throws {
        let scheduler = try Self.scheduler()
        let x = Self.randomBatch(rows: 50, dimension: 2, seed: 7), e = Self.randomBatch(rows: 50, dimension: 2, seed: 8)
        var source = CountingSource()
        var copy = source
        let drawn = try scheduler.step(modelOutput: e, timestep: 700, sample: x, eta: 0.3, noise: .drawn(from: &source, like: x))
        let z = SampleBatch(count: 50, dimension: 2, values: copy.normals(count: 100))
        #expect(drawn == (try scheduler.step(modelOutput: e, timestep: 700, sample: x, eta: 0.3, noise: .varianceNoise(z))))
        #expect(source.next == 100)
    }

    @Test func coefficientsDescribeTheStep() throws {
        let scheduler = try Self.scheduler { $0.clipSample = false }
        let c = try scheduler.coefficients(timestep: 500, eta: 1)
        #expect(c.previousTimestep == 450)
        #expect(c.alphaProduct == scheduler.alphasCumprod[500] && c.alphaProductPrevious == scheduler.alphasCumprod[450])
        #expect(abs(c.sigma * c.sigma - c.variance) < 1e-7)
        #expect(c.noiseCoefficient == c.sigma && c.x0Coefficient == c.alphaProductPrevious.squareRoot())
        #expect(abs(c.epsilonCoefficient - (1 - c.alphaProductPrevious - c.variance).squareRoot()) < 1e-6)
        let x = SampleBatch(count: 1, dimension: 2, values: [0.4, -0.3])
        let eps = SampleBatch(count: 1, dimension: 2, values: [0.2, 0.9])
        let z = SampleBatch(count: 1, dimension: 2, values: [1, -1])
        let out = try scheduler.step(modelOutput: eps, timestep: 500, sample: x, eta: 1, noise: .varianceNoise(z))
        for i in 0..<2 {
            let x0 = (x.values[i] - (1 - c.alphaProduct).squareRoot() * eps.values[i]) / c.alphaProduct.squareRoot()
            let expected = c.x0Coefficient * x0 + c.epsilonCoefficient * eps.values[i] + c.noiseCoefficient * z.values[i]
            #expect(abs(out.prevSample.values[i] - expected) < 1e-5)
        }
        let deterministic = try scheduler.coefficients(timestep: 500, eta: 0)
        #expect(deterministic.sigma == 0 && deterministic.noiseCoefficient == 0)
    }

    @Test func largeSigmaHatUsesPaperNoiseAndNoNoiseOnTheLastStep() throws {
        let scheduler = try Self.scheduler { $0.varianceKind = .largeSigmaHat; $0.clipSample = false }
        let c = try scheduler.coefficients(timestep: 500, eta: 0)
        let hat = (1 - c.alphaProduct / c.alphaProductPrevious).squareRoot()
        #expect(c.sigma == hat && c.noiseCoefficient == hat)
        #expect(abs(c.epsilonCoefficient - (1 - c.alphaProductPrevious - c.variance).squareRoot()) < 1e-6)
        #expect(hat > c.variance.squareRoot())
        let last = try scheduler.coefficients(timestep: 0, eta: 0)
        #expect(last.previousTimestep == -50 && last.noiseCoefficient == 0)
        #expect(scheduler.isStochastic(eta: 0))
        let x = SampleBatch(count: 1, dimension: 2, values: [0.4, -0.3])
        var g = PhiloxGenerator(seed: 3)
        _ = try scheduler.step(modelOutput: x, timestep: 500, sample: x, noise: scheduler.noise(eta: 0, drawnFrom: &g, like: x))
        #expect(g.position == 2)
    }

    @Test func anySchedulerDrivesBothDirections() throws {
        var schedulers: [any Scheduler] = [try DDIMScheduler(), try DDIMInverseScheduler()]
        let x = SampleBatch(count: 2, dimension: 2, values: [0.1, 0.2, 0.3, 0.4])
        for i in schedulers.indices {
            try schedulers[i].setTimesteps(5)
            var y = x
            for t in schedulers[i].timesteps {
                y = try schedulers[i].step(modelOutput: y, timestep: t, sample: y).prevSample
            }
            #expect(y.isFinite && y != x)
        }
        #expect(schedulers[0].timesteps == schedulers[1].timesteps.reversed())
    }
}

@Suite struct ReusedOutputTests {
    @Test func stepIntoReusesStorageAndGivesTheSameResult() throws {
        var scheduler = try DDIMScheduler()
        try scheduler.setTimesteps(10)
        let x = StepPropertyTests.randomBatch(rows: 300, dimension: 2, seed: 1)
        let e = StepPropertyTests.randomBatch(rows: 300, dimension: 2, seed: 2)
        var out = SchedulerOutput.empty
        try scheduler.step(modelOutput: e, timestep: 900, sample: x, into: &out)
        #expect(out == (try scheduler.step(modelOutput: e, timestep: 900, sample: x)))
        let address = out.prevSample.values.withUnsafeBufferPointer { $0.baseAddress }
        var g = PhiloxGenerator(seed: 4)
        try scheduler.step(modelOutput: e, timestep: 800, sample: x, eta: 1, noise: .drawn(from: &g, like: x), into: &out)
        #expect(out.prevSample.values.withUnsafeBufferPointer { $0.baseAddress } == address)
        var h = PhiloxGenerator(seed: 4)
        #expect(out == (try scheduler.step(modelOutput: e, timestep: 800, sample: x, eta: 1, noise: .drawn(from: &h, like: x))))
        let small = SampleBatch(count: 2, dimension: 3, values: [1, 2, 3, 4, 5, 6])
        try scheduler.step(modelOutput: small, timestep: 800, sample: small, into: &out)
        #expect(out.prevSample.count == 2 && out.prevSample.dimension == 3 && out.predOriginalSample.values.count == 6)
    }
}
