import DDIM
import Foundation
import Testing

@Suite struct DDIMConfigurationTests {
    struct Reference: Decodable { let default_config_json: String }
    struct AssetResult: Decodable {
        let file: String
        let timesteps: [Int]
        let alphas_cumprod_sum: Double
        let prediction_type: String
    }
    struct Assets: Decodable { let assets: [AssetResult] }

    @Test func defaultsAreDiffusers() {
        let config = DDIMConfiguration()
        #expect(config.numTrainTimesteps == 1000 && config.betaStart == 0.0001 && config.betaEnd == 0.02)
        #expect(config.betaSchedule == .linear && config.trainedBetas == nil && config.clipSample && config.setAlphaToOne)
        #expect(config.stepsOffset == 0 && config.predictionType == .epsilon && !config.thresholding)
        #expect(config.dynamicThresholdingRatio == 0.995 && config.clipSampleRange == 1 && config.sampleMaxValue == 1)
        #expect(config.timestepSpacing == .leading && !config.rescaleBetasZeroSnr)
        #expect(config.previousTimestepRule == .diffusers && config.varianceKind == .ddim && config.ignoredKeys.isEmpty)
    }

    @Test func defaultJSONIsByteForByteWhatDiffusersWrites() throws {
        let reference = try loadFixture("ddim_reference.json", as: Reference.self)
        let ours = try #require(String(data: try DDIMConfiguration().jsonData(), encoding: .utf8))
        #expect(ours == reference.default_config_json)
    }

    @Test func roundTripGivesAnEqualConfiguration() throws {
        var config = DDIMConfiguration()
        config.betaSchedule = .scaledLinear
        config.betaStart = 0.00085
        config.betaEnd = 0.012
        config.trainedBetas = nil
        config.clipSample = false
        config.setAlphaToOne = false
        config.stepsOffset = 1
        config.predictionType = .vPrediction
        config.thresholding = true
        config.dynamicThresholdingRatio = 0.9
        config.clipSampleRange = 2.5
        config.sampleMaxValue = 1.5
        config.timestepSpacing = .trailing
        config.rescaleBetasZeroSnr = true
        config.previousTimestepRule = .nextInSchedule
        config.varianceKind = .largeSigmaHat
        let data = try config.jsonData()
        let again = try DDIMConfiguration(jsonData: data)
        #expect(again == config)
        #expect(again.ignoredKeys.isEmpty && again.sourceClassName == "DDIMScheduler")
        let text = try #require(String(data: data, encoding: .utf8))
        #expect(text.contains("\"previous_timestep_rule\": \"next\""))
        #expect(text.contains("\"variance_kind\": \"large\""))
        #expect(text.contains("\"beta_start\": 0.00085,"))
        #expect(try !DDIMConfiguration().jsonText().contains("variance_kind"))

        var trained = DDIMConfiguration()
        trained.numTrainTimesteps = 3
        trained.trainedBetas = [0.1, 0.2, 0.25]
        let trainedText = try trained.jsonText()
        #expect(trainedText.contains("\"trained_betas\": [\n    0.1,\n    0.2,\n    0.25\n  ]"))
        #expect(try DDIMConfiguration(jsonData: Data(trainedText.utf8)) == trained)
        let coded = try JSONDecoder().decode(DDIMConfiguration.self, from: JSONEncoder().encode(trained))
        #expect(coded == trained)
    }

    @Test func schedulerFilesOfAnyClassLoadAndListIgnoredKeys() throws {
        let json = """
        {"_class_name": "PNDMScheduler", "_diffusers_version": "0.6.0", "beta_end": 0.012,
         "beta_schedule": "scaled_linear", "beta_start": 0.00085, "num_train_timesteps": 1000,
         "set_alpha_to_one": false, "skip_prk_steps": true, "steps_offset": 1, "trained_betas": null}
        """
        let config = try DDIMConfiguration(jsonData: Data(json.utf8))
        #expect(config.betaSchedule == .scaledLinear && config.stepsOffset == 1 && !config.setAlphaToOne)
        #expect(config.clipSample)   // missing: diffusers' default
        #expect(config.ignoredKeys == ["skip_prk_steps"] && config.sourceClassName == "PNDMScheduler")
        let euler = try DDIMConfiguration(jsonData: Data(#"{"_class_name": "EulerDiscreteScheduler", "interpolation_type": "linear"}"#.utf8))
        #expect(euler.ignoredKeys == ["interpolation_type"])
        #expect(try DDIMConfiguration(jsonData: Data("{}".utf8)) == DDIMConfiguration())
    }

    @Test func shippedAssetsLoadAndBehaveAsInDiffusers() throws {
        let results = try loadFixture("ddim_assets.json", as: Assets.self)
        #expect(Set(results.assets.map(\.file)) ==
                ["diffusers-defaults.json", "stable-diffusion-v1.json", "v-prediction.json", "zero-snr-trailing.json"])
        for asset in results.assets {
            let config = try DDIMConfiguration(jsonData: Data(contentsOf: assetURL(asset.file)))
            var scheduler = try DDIMScheduler(configuration: config)
            try scheduler.setTimesteps(50)
            #expect(scheduler.timesteps == asset.timesteps, "\(asset.file)")
            #expect(config.predictionType.rawValue == asset.prediction_type, "\(asset.file)")
            let sum = scheduler.alphasCumprod.reduce(0.0) { $0 + Double($1) }
            #expect(abs(sum - asset.alphas_cumprod_sum) < 1e-4, "\(asset.file)")
        }
        let sd = try DDIMConfiguration(jsonData: Data(contentsOf: assetURL("stable-diffusion-v1.json")))
        #expect(sd.ignoredKeys == ["skip_prk_steps"])
    }
}
