import DDIM
import Foundation
import Testing

@Suite struct DDIMErrorTests {
    func expectError(_ expected: DDIMError, mentioning words: [String] = [],
                     sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void) {
        do {
            try body()
            Issue.record("expected \(expected), nothing was thrown", sourceLocation: sourceLocation)
        } catch let error as DDIMError {
            #expect(error == expected, sourceLocation: sourceLocation)
            for word in words {
                #expect(error.description.contains(word), "\"\(error.description)\" lacks \(word)", sourceLocation: sourceLocation)
            }
        } catch {
            Issue.record("expected \(expected), got \(error)", sourceLocation: sourceLocation)
        }
    }

    func json(_ text: String) throws -> DDIMConfiguration {
        try DDIMConfiguration(jsonData: Data(text.utf8))
    }

    func ready(_ config: DDIMConfiguration = DDIMConfiguration(), steps: Int = 10) throws -> DDIMScheduler {
        var scheduler = try DDIMScheduler(configuration: config)
        try scheduler.setTimesteps(steps)
        return scheduler
    }

    let x = SampleBatch(count: 3, dimension: 2, values: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6])

    @Test func unknownNames() {
        expectError(.unknownValue(field: "beta_schedule", value: "cosine", allowed: ["linear", "scaled_linear", "squaredcos_cap_v2"]),
                    mentioning: ["beta_schedule", "cosine", "scaled_linear"]) { _ = try json(#"{"beta_schedule": "cosine"}"#) }
        expectError(.unknownValue(field: "prediction_type", value: "flow", allowed: ["epsilon", "sample", "v_prediction"]),
                    mentioning: ["prediction_type", "flow"]) { _ = try json(#"{"prediction_type": "flow"}"#) }
        expectError(.unknownValue(field: "timestep_spacing", value: "karras", allowed: ["leading", "trailing", "linspace", "quad"]),
                    mentioning: ["timestep_spacing", "karras"]) { _ = try json(#"{"timestep_spacing": "karras"}"#) }
        let flow = try? json(#"{"_class_name": "FlowMatchEulerDiscreteScheduler", "shift": 3.0}"#)
        #expect(flow?.sourceClassName == "FlowMatchEulerDiscreteScheduler" && flow?.ignoredKeys == ["shift"],
                "any class loads, as DDIMScheduler.from_config accepts any config")
        expectError(.wrongJSONType(field: "_class_name", expected: "a string", found: "the number 3")) {
            _ = try json(#"{"_class_name": 3}"#)
        }
    }

    @Test func malformedAndMistypedJSON() {
        do {
            _ = try json("{not json")
            Issue.record("malformed JSON was accepted")
        } catch let error as DDIMError {
            guard case .invalidJSON(1, 2, nil, let problem) = error else { Issue.record("wrong error \(error)"); return }
            #expect(problem == "expected a key in quotes, found 'not'")
            #expect(error.description.contains("not valid JSON: line 1, column 2"))
        } catch { Issue.record("\(error)") }
        expectError(.malformedJSON("the top level is an array, not an object")) { _ = try json("[1, 2]") }
        expectError(.wrongJSONType(field: "num_train_timesteps", expected: "an integer", found: "the string \"1000\""),
                    mentioning: ["num_train_timesteps", "1000"]) { _ = try json(#"{"num_train_timesteps": "1000"}"#) }
        expectError(.wrongJSONType(field: "steps_offset", expected: "an integer", found: "the number 1.5")) {
            _ = try json(#"{"steps_offset": 1.5}"#)
        }
        expectError(.wrongJSONType(field: "clip_sample", expected: "true or false", found: "the number 1")) {
            _ = try json(#"{"clip_sample": 1}"#)
        }
        expectError(.wrongJSONType(field: "beta_start", expected: "a number", found: "the boolean true")) {
            _ = try json(#"{"beta_start": true}"#)
        }
        expectError(.wrongJSONType(field: "trained_betas[1]", expected: "a number", found: "the string \"x\"")) {
            _ = try json(#"{"trained_betas": [0.1, "x"]}"#)
        }
        expectError(.wrongJSONType(field: "trained_betas", expected: "an array of numbers or null", found: "the number 0.1")) {
            _ = try json(#"{"trained_betas": 0.1}"#)
        }
        expectError(.wrongJSONType(field: "_class_name", expected: "a string", found: "the number 3")) {
            _ = try json(#"{"_class_name": 3}"#)
        }
    }

    @Test func invalidOptionValues() {
        var config = DDIMConfiguration()
        config.numTrainTimesteps = 0
        expectError(.invalidValue(field: "num_train_timesteps", value: "0", allowed: "an integer from 1 to 1000000")) {
            _ = try DDIMScheduler(configuration: config)
        }
        config.numTrainTimesteps = 5_000_000_000
        expectError(.invalidValue(field: "num_train_timesteps", value: "5000000000", allowed: "an integer from 1 to 1000000")) {
            _ = try DDIMScheduler(configuration: config)
        }
        config = DDIMConfiguration()
        config.betaEnd = 2
        expectError(.invalidValue(field: "beta_end", value: "2.0", allowed: "0 < beta_end < 1"), mentioning: ["beta_end", "2.0"]) {
            _ = try DDIMScheduler(configuration: config)
        }
        config = DDIMConfiguration()
        config.stepsOffset = -1
        expectError(.invalidValue(field: "steps_offset", value: "-1", allowed: "an integer >= 0")) { _ = try DDIMScheduler(configuration: config) }
        config = DDIMConfiguration()
        config.dynamicThresholdingRatio = 1.5
        expectError(.invalidValue(field: "dynamic_thresholding_ratio", value: "1.5", allowed: "0 ... 1")) {
            _ = try DDIMScheduler(configuration: config)
        }
        config = DDIMConfiguration()
        config.clipSampleRange = 0
        expectError(.invalidValue(field: "clip_sample_range", value: "0.0", allowed: "a finite value > 0")) {
            _ = try DDIMScheduler(configuration: config)
        }
        config = DDIMConfiguration()
        config.sampleMaxValue = .infinity
        expectError(.invalidValue(field: "sample_max_value", value: "inf", allowed: "a finite value > 0")) {
            _ = try DDIMInverseScheduler(configuration: config)
        }
    }

    @Test func trainedBetas() {
        var config = DDIMConfiguration()
        config.numTrainTimesteps = 4
        config.trainedBetas = [0.1, 0.2, 0.3]
        expectError(.trainedBetasLength(count: 3, numTrainTimesteps: 4), mentioning: ["trained_betas", "3", "4"]) {
            _ = try DDIMScheduler(configuration: config)
        }
        config.trainedBetas = [0.1, 0.2, 1.0, 0.3]
        expectError(.trainedBetaOutOfRange(index: 2, value: 1), mentioning: ["trained_betas[2]"]) { _ = try DDIMScheduler(configuration: config) }
        config.trainedBetas = [0.1, 0, 0.2, 0.3]
        expectError(.trainedBetaOutOfRange(index: 1, value: 0)) { _ = try DDIMScheduler(configuration: config) }
    }

    @Test func stepCounts() throws {
        var scheduler = try DDIMScheduler()
        expectError(.invalidStepCount(0, numTrainTimesteps: 1000), mentioning: ["num_inference_steps", "0", "1000"]) { try scheduler.setTimesteps(0) }
        expectError(.invalidStepCount(1001, numTrainTimesteps: 1000)) { try scheduler.setTimesteps(1001) }
        expectError(.invalidStepCount(-3, numTrainTimesteps: 1000)) { try scheduler.setTimesteps(-3) }
        var config = DDIMConfiguration()
        config.stepsOffset = 1
        scheduler = try DDIMScheduler(configuration: config)
        expectError(.stepsOffsetPastSchedule(stepsOffset: 1, largestTimestep: 1000, numTrainTimesteps: 1000, steps: 1000),
                    mentioning: ["steps_offset at most 0 or at most 999 steps"]) {
            try scheduler.setTimesteps(1000)
        }
        try scheduler.setTimesteps(999)
        #expect(scheduler.timesteps.first == 999)
    }

    @Test func stepBeforeSetTimestepsAndTimestepsOutOfRange() throws {
        let fresh = try DDIMScheduler()
        expectError(.timestepsNotSet, mentioning: ["setTimesteps"]) { _ = try fresh.step(modelOutput: x, timestep: 10, sample: x) }
        expectError(.timestepsNotSet) { _ = try DDIMInverseScheduler().step(modelOutput: x, timestep: 10, sample: x) }
        let scheduler = try ready()
        expectError(.timestepOutOfRange(1000, numTrainTimesteps: 1000), mentioning: ["timestep", "1000", "999"]) {
            _ = try scheduler.step(modelOutput: x, timestep: 1000, sample: x)
        }
        expectError(.timestepOutOfRange(-1, numTrainTimesteps: 1000)) { _ = try scheduler.step(modelOutput: x, timestep: -1, sample: x) }
        expectError(.timestepOutOfRange(5000, numTrainTimesteps: 1000)) {
            _ = try scheduler.addNoise(x, noise: x, timesteps: [5000])
        }
        var config = DDIMConfiguration()
        config.previousTimestepRule = .nextInSchedule
        let next = try ready(config)
        expectError(.timestepNotInSchedule(901), mentioning: ["901"]) { _ = try next.step(modelOutput: x, timestep: 901, sample: x) }
    }

    @Test func shapes() throws {
        let scheduler = try ready()
        let wide = SampleBatch(zerosCount: 3, dimension: 3)
        expectError(.shapeMismatch(field: "modelOutput", expectedCount: 3, expectedDimension: 2, count: 3, dimension: 3),
                    mentioning: ["modelOutput", "3 x 3", "3 x 2"]) { _ = try scheduler.step(modelOutput: wide, timestep: 900, sample: x) }
        expectError(.shapeMismatch(field: "varianceNoise", expectedCount: 3, expectedDimension: 2, count: 3, dimension: 3)) {
            _ = try scheduler.step(modelOutput: x, timestep: 900, sample: x, eta: 1, noise: .varianceNoise(wide))
        }
        expectError(.shapeMismatch(field: "noise", expectedCount: 3, expectedDimension: 2, count: 3, dimension: 3)) {
            _ = try scheduler.velocity(sample: x, noise: wide, timesteps: [1])
        }
        expectError(.timestepCountMismatch(count: 2, rows: 3), mentioning: ["timesteps", "2", "3"]) {
            _ = try scheduler.addNoise(x, noise: x, timesteps: [1, 2])
        }
    }

    @Test func eta() throws {
        let scheduler = try ready()
        for bad: Float in [-0.1, .nan, .infinity] {
            do {
                _ = try scheduler.step(modelOutput: x, timestep: 900, sample: x, eta: bad)
                Issue.record("eta \(bad) accepted")
            } catch {
                guard case .invalidEta = error else { Issue.record("wrong error \(error)"); continue }
                #expect(error.description.contains("eta"))
            }
        }
        var inverse = try DDIMInverseScheduler()
        try inverse.setTimesteps(10)
        expectError(.stochasticInverseStep(0.5), mentioning: ["eta", "0.5"]) {
            _ = try inverse.step(modelOutput: x, timestep: 100, sample: x, eta: 0.5)
        }
    }

    @Test func zeroTerminalSNRWithEpsilonPrediction() throws {
        var config = DDIMConfiguration()
        config.rescaleBetasZeroSnr = true
        config.timestepSpacing = .trailing
        let scheduler = try ready(config)
        expectError(.zeroSignalWithEpsilonPrediction(timestep: 999, rescaled: true),
                    mentioning: ["epsilon", "999", "v_prediction", "rescale_betas_zero_snr"]) {
            _ = try scheduler.step(modelOutput: x, timestep: 999, sample: x)
        }
        let later = try scheduler.step(modelOutput: x, timestep: 899, sample: x)
        #expect(later.prevSample.isFinite)
        config.predictionType = .vPrediction
        let v = try ready(config)
        #expect(try v.step(modelOutput: x, timestep: 999, sample: x).prevSample.isFinite)
    }

    @Test func zeroSignalWithoutRescalingBlamesTheSchedule() throws {
        var config = DDIMConfiguration()
        config.numTrainTimesteps = 100_000
        let scheduler = try ready(config)
        let top = try #require(scheduler.timesteps.first)
        #expect(scheduler.alphaProduct(at: top) == 0)
        do {
            _ = try scheduler.step(modelOutput: x, timestep: top, sample: x)
            Issue.record("epsilon prediction at alpha-bar 0 was accepted")
        } catch {
            #expect(error == .zeroSignalWithEpsilonPrediction(timestep: top, rescaled: false))
            #expect(!error.description.contains("rescale_betas_zero_snr"))
            #expect(error.description.contains("underflows") && error.description.contains("num_train_timesteps"))
        }
    }
}
