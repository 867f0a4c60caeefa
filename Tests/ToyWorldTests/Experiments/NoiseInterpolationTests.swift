import Testing
import ToyWorld

@Suite struct NoiseInterpolationTests {
    @Test(arguments: [NoiseKind.philox, .torch])
    func initialNoiseIsTheChainsFirstState(noise: NoiseKind) throws {
        let settings = RunSettings(dataset: .eightGaussians, count: 37, seed: 11, steps: 5, noise: noise)
        #expect(settings.initialNoise() == (try SamplingChain(settings: settings)).states[0])
        var other = settings
        other.seed = 12
        #expect(other.initialNoise() != settings.initialNoise())
    }

    @Test func theEndsAreTheTwoSeedsAndAlphaZeroDecodesLikeTheChain() throws {
        let settings = RunSettings(dataset: .eightGaussians, count: 50, seed: 3, steps: 10)
        let interpolation = try NoiseInterpolation(settings: settings, secondSeed: 9)
        var second = settings
        second.seed = 9
        #expect(try interpolation.noise(alpha: 0) == settings.initialNoise())
        let end = try interpolation.noise(alpha: 1)
        let target = second.initialNoise()
        #expect(zip(end.values, target.values).allSatisfy { abs($0 - $1) <= 1e-6 })
        var chain = try SamplingChain(settings: settings)
        try chain.runToEnd()
        #expect(try interpolation.decode(alpha: 0) == chain.current)
        #expect(try interpolation.decode(alpha: 0.5) != chain.current)
    }

    @Test func theSecondSeedDefaultsToTheNextOne() throws {
        let settings = RunSettings(dataset: .eightGaussians, count: 20, seed: 41, steps: 4)
        var next = settings
        next.seed = 42
        #expect(try NoiseInterpolation(settings: settings).second == next.initialNoise())
    }
}
