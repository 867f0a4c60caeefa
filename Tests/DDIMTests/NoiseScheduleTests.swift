import DDIM
import Testing

@Suite struct NoiseScheduleTests {
    struct Case: Decodable {
        let config: FixtureConfiguration
        let betas: [Float]
        let alphas_cumprod: [Float]
    }
    struct File: Decodable { let cases: [Case] }

    @Test func betasAndAlphasCumprodEqualDiffusersBitForBit() throws {
        let file = try loadFixture("ddim_schedules.json", as: File.self)
        #expect(file.cases.count >= 10)
        for fixture in file.cases {
            let scheduler = try DDIMScheduler(configuration: fixture.config.configuration)
            let config = fixture.config.configuration
            let label = "\(config.betaSchedule) T=\(config.numTrainTimesteps) zeroSNR=\(config.rescaleBetasZeroSnr)"
            #expect(scheduler.betas.count == fixture.betas.count, "\(label)")
            let betaMismatches = zip(scheduler.betas, fixture.betas).filter { $0 != $1 }.count
            let alphaMismatches = zip(scheduler.alphasCumprod, fixture.alphas_cumprod).filter { $0 != $1 }.count
            if config.rescaleBetasZeroSnr {
                // The rescale takes square roots, and torch's CPU sqrt here is not correctly
                // rounded (1 ulp off for about 1 value in 6), so these agree to rounding only.
                #expect(maxRelativeError(scheduler.betas, fixture.betas) <= 1e-5, "\(label)")
                #expect(maxRelativeError(scheduler.alphasCumprod, fixture.alphas_cumprod) <= 1e-6, "\(label)")
            } else {
                #expect(betaMismatches == 0, "\(label): \(betaMismatches) betas differ")
                #expect(alphaMismatches == 0, "\(label): \(alphaMismatches) alphas_cumprod differ")
            }
        }
    }

    @Test func torchLinspaceCountsUpThenDown() {
        let values = NoiseSchedule.torchLinspace(from: 0, to: 1, count: 5)
        #expect(values == [0, 0.25, 0.5, 0.75, 1])
        #expect(NoiseSchedule.torchLinspace(from: 3, to: 7, count: 1) == [3])
    }

    @Test func zeroSNRRescaleEndsAtZeroSignal() throws {
        var config = DDIMConfiguration()
        config.rescaleBetasZeroSnr = true
        let scheduler = try DDIMScheduler(configuration: config)
        #expect(scheduler.alphasCumprod.last == 0)
        #expect(scheduler.betas.last == 1)
    }
}
