@testable import DDIM
import Foundation
import Testing

/// The 18 hub scheduler configs of `Fixtures/hub_configs/` against what diffusers 0.42.1's
/// `DDIMScheduler.from_config` gives for each (written by Tests/Scripts/check_hub_configs.py, which
/// also checks in diffusers that our saved files load as the same scheduler).
@Suite struct HubConfigTests {
    struct Timesteps: Decodable { let spacing: String, steps: Int, timesteps: [Int] }
    struct Expected: Decodable, CustomTestStringConvertible {
        var testDescription: String { file }
        let file: String
        let class_name: String?
        /// The file's keys that diffusers' DDIMScheduler does not take.
        let ignored_keys: [String]
        let final_alpha_cumprod: Float
        let alphas_cumprod: [Float]
        let timesteps: [Timesteps]
        let sigma_steps: Int
        let sigma_eta_1: [Float]
    }
    struct File: Decodable { let configs: [Expected] }

    /// Tolerance on alpha-bar for zero-SNR configs, as |ours - diffusers'| / max(1, |diffusers'|):
    /// torch's float32 sqrt is not correctly rounded. Measured on zero-snr-trailing-v.json: 3.6e-7
    /// (3.8e-6 relative to alpha-bar itself). Every other config is bit-identical.
    static let zeroSNRTolerance: Float = 4e-7

    /// Relative tolerance on sigma = sqrt(variance): torch's float32 sqrt is 1 ULP off a correctly
    /// rounded one on some values (measured: at most 3.0e-8 relative on the fixture set).
    static let sigmaTolerance: Float = 6e-8

    static func hubConfigURL(_ name: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/hub_configs").appendingPathComponent(name)
    }

    static let expected: [Expected] = (try? loadFixture("hub_configs_expected.json", as: File.self).configs) ?? []

    @Test func theFixtureSetHasEighteenConfigs() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.hubConfigURL("").path).filter { $0.hasSuffix(".json") }
        #expect(files.count == 18)
        #expect(Set(files) == Set(Self.expected.map(\.file)))
    }

    @Test(arguments: expected)
    func loadsAndMatchesDiffusers(_ expected: Expected) throws {
        let config = try DDIMConfiguration(jsonData: Data(contentsOf: Self.hubConfigURL(expected.file)))
        #expect(config.sourceClassName == expected.class_name)
        #expect(config.ignoredKeys == expected.ignored_keys)
        var scheduler = try DDIMScheduler(configuration: config)
        let tolerance: Float = config.rescaleBetasZeroSnr ? Self.zeroSNRTolerance : 0
        #expect(maxRelativeError(scheduler.alphasCumprod, expected.alphas_cumprod) <= tolerance)
        #expect(scheduler.finalAlphaCumprod == expected.final_alpha_cumprod)
        for t in expected.timesteps {
            var respaced = config
            respaced.timestepSpacing = try #require(TimestepSpacing(rawValue: t.spacing))
            #expect(try TimestepSelection.timesteps(for: respaced, count: t.steps) == t.timesteps, "\(t.spacing) \(t.steps)")
        }
        try scheduler.setTimesteps(expected.sigma_steps)
        let sigma = try scheduler.timesteps.map { try scheduler.coefficients(timestep: $0, eta: 1).sigma }
        #expect(maxRelativeError(sigma, expected.sigma_eta_1) <= max(2 * tolerance, Self.sigmaTolerance))
    }

    @Test(arguments: expected)
    func roundTripIsLossless(_ expected: Expected) throws {
        let data = try Data(contentsOf: Self.hubConfigURL(expected.file))
        let config = try DDIMConfiguration(jsonData: data)
        let written = try config.jsonData()
        let again = try DDIMConfiguration(jsonData: written)
        #expect(again == config)
        #expect(try JSONReader.parse(written) == JSONReader.parse(data), "every key and value, numbers as written")
        #expect(try again.jsonText() == String(decoding: written, as: UTF8.self))
    }

    @Test func trainedBetasKeepTheirDoubles() throws {
        let data = try Data(contentsOf: Self.hubConfigURL("cosine-trained-betas.json"))
        guard case .object(let original) = try JSONReader.parse(data),
              case .array(let betas)? = original["trained_betas"] else {
            Issue.record("cosine-trained-betas.json has no trained_betas array")
            return
        }
        let texts = betas.compactMap { if case .number(let text) = $0 { text } else { nil } }
        #expect(texts.count == 1000)
        let changedByFloat = texts.filter { "\(Float($0) ?? 0)" != $0 }.count
        #expect(changedByFloat > 900, "float32 decimals would change \(changedByFloat) of 1000")
        let written = try DDIMConfiguration(jsonData: data).jsonText()
        for text in texts { #expect(written.contains("    \(text),") || written.contains("    \(text)\n")) }
    }

    @Test func changedOptionsAreWrittenAndOthersKeptAsRead() throws {
        var config = try DDIMConfiguration(jsonData: Data(contentsOf: Self.hubConfigURL("deepfloyd-if-i-xl.json")))
        config.timestepSpacing = .trailing
        config.previousTimestepRule = .nextInSchedule
        guard case .object(let fields) = try JSONReader.parse(config.jsonData()) else {
            Issue.record("not an object")
            return
        }
        #expect(fields["timestep_spacing"] == .string("trailing"))
        #expect(fields["previous_timestep_rule"] == .string("next"))
        #expect(fields["variance_type"] == .string("learned_range"))
        #expect(fields["_class_name"] == .string("DDPMScheduler"))
        #expect(fields["_diffusers_version"] == .string("0.16.0.dev0"))
        #expect(fields["rescale_betas_zero_snr"] == nil, "absent and still diffusers' default: not added")
    }

    @Test func quadSpacingIsRefusedWithTheReason() {
        var config = DDIMConfiguration()
        config.timestepSpacing = .quadratic
        #expect(throws: DDIMError.self) { try config.jsonText() }
        do {
            _ = try config.jsonData()
        } catch {
            #expect(error.description.contains("quad") && error.description.contains("leading, trailing or linspace"))
        }
    }
}
