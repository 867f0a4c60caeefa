import DDIM
import Testing

@Suite struct ForwardProcessTests {
    struct Case: Decodable {
        let config: FixtureConfiguration
        let shape: [Int]
        let sample: [Float]
        let noise: [Float]
        let timesteps: [Int]
        let noisy: [Float]
        let velocity: [Float]
    }
    struct File: Decodable { let cases: [Case] }

    @Test func addNoiseAndVelocityEqualDiffusers() throws {
        let file = try loadFixture("ddim_forward.json", as: File.self)
        for c in file.cases {
            let scheduler = try DDIMScheduler(configuration: c.config.configuration)
            let x = batch(c.sample, shape: c.shape), z = batch(c.noise, shape: c.shape)
            // With zero-SNR rescaling, alphas_cumprod differ from torch's by rounding (see
            // NoiseScheduleTests), and sqrt(1 - alpha-bar) near t = 0 magnifies that.
            let tolerance: Float = c.config.configuration.rescaleBetasZeroSnr ? 5e-5 : 1e-6
            let noisy = try scheduler.addNoise(x, noise: z, timesteps: c.timesteps)
            let velocity = try scheduler.velocity(sample: x, noise: z, timesteps: c.timesteps)
            #expect(maxRelativeError(noisy.values, c.noisy) <= tolerance, "add_noise \(c.timesteps)")
            #expect(maxRelativeError(velocity.values, c.velocity) <= tolerance, "get_velocity \(c.timesteps)")
        }
    }
}
