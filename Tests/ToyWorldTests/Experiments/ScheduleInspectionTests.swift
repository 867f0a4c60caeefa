import Foundation
import Testing
import ToyWorld

@Suite struct ScheduleInspectionTests {
    func configuration(_ change: (inout DDIMConfiguration) -> Void = { _ in }) -> DDIMConfiguration {
        var configuration = DDIMConfiguration()
        change(&configuration)
        return configuration
    }

    func names(_ inspection: ScheduleInspection) -> [String] {
        inspection.pitfalls.map(\.name)
    }

    @Test func defaultsAtTenStepsGiveDiffusersTimesteps() {
        let inspection = ScheduleInspection(configuration: configuration(), steps: 10)
        #expect(inspection.failure == nil)
        #expect(inspection.steps.map(\.timestep) == [900, 800, 700, 600, 500, 400, 300, 200, 100, 0])
        #expect(inspection.steps.map(\.previousTimestep) == [800, 700, 600, 500, 400, 300, 200, 100, 0, -100])
        #expect(inspection.steps.last?.alphaProductPrevious == 1)
        #expect(inspection.steps.allSatisfy { !$0.landsOffSchedule })
    }

    @Test func columnsAreConsistent() throws {
        let inspection = ScheduleInspection(configuration: configuration(), steps: 20, eta: 1)
        for step in inspection.steps {
            let snr = step.alphaProduct / (1 - step.alphaProduct)
            #expect(abs(step.signalToNoise - snr) <= 1e-6 * max(1, snr))
            #expect(step.sigma >= 0 && step.sigma < 1)
        }
        let first = try #require(inspection.steps.first)
        let ddpm = ((1 - first.alphaProductPrevious) / (1 - first.alphaProduct)
            * (1 - first.alphaProduct / first.alphaProductPrevious)).squareRoot()
        #expect(abs(first.sigma - ddpm) < 1e-5)
        let deterministic = ScheduleInspection(configuration: configuration(), steps: 20, eta: 0)
        #expect(deterministic.steps.allSatisfy { $0.sigma == 0 })
    }

    @Test func leadingSpacingMissesTheLastTrainingStep() {
        let inspection = ScheduleInspection(configuration: configuration(), steps: 50)
        #expect(names(inspection) == ["leading-misses-last-timestep"])
        guard case let .startMissesLastTimestep(_, _, first, last, alphaProduct, lastAlphaProduct)? = inspection.pitfalls.first else {
            Issue.record("expected the leading pitfall")
            return
        }
        #expect(first == 980 && last == 999)
        #expect(alphaProduct > lastAlphaProduct)
        #expect(inspection.pitfalls[0].description.contains("980"))
    }

    @Test func leadingWithEveryStepReachesTheTop() {
        #expect(names(ScheduleInspection(configuration: configuration(), steps: 1000)).isEmpty)
    }

    @Test func trailingSpacingStartsAtTheTopButSkipsLevels() {
        let inspection = ScheduleInspection(configuration: configuration { $0.timestepSpacing = .trailing }, steps: 7)
        #expect(inspection.steps.first?.timestep == 999)
        // 1000 / 7 = 142.9 rounds up, so diffusers' last step goes from 142 to 142 - 142 = 0, not the final level.
        #expect(names(inspection) == ["residual-noise", "previous-timestep-mismatch"])
        guard case let .previousTimestepMismatch(skips, repeats, example)? = inspection.pitfalls.last else {
            Issue.record("expected the mismatch pitfall")
            return
        }
        #expect(skips + repeats == inspection.steps.dropLast().filter(\.landsOffSchedule).count)
        #expect(example.previousTimestep != example.nextTimestep)
    }

    @Test func linspaceSpacingRepeatsOrSkipsLevels() {
        let inspection = ScheduleInspection(configuration: configuration { $0.timestepSpacing = .linspace }, steps: 50)
        #expect(names(inspection).contains("previous-timestep-mismatch"))
    }

    @Test func nextInScheduleRuleHasNoMismatch() {
        let inspection = ScheduleInspection(configuration: configuration {
            $0.timestepSpacing = .trailing
            $0.previousTimestepRule = .nextInSchedule
        }, steps: 7)
        #expect(names(inspection).isEmpty)
    }

    @Test func setAlphaToOneFalseLeavesResidualNoise() {
        let inspection = ScheduleInspection(configuration: configuration {
            $0.setAlphaToOne = false
            $0.timestepSpacing = .trailing
            $0.previousTimestepRule = .nextInSchedule
        }, steps: 10)
        #expect(names(inspection) == ["residual-noise"])
        guard case let .residualNoise(cause, alphaProduct)? = inspection.pitfalls.first else { return }
        #expect(cause == .setAlphaToOneOff)
        #expect(abs(alphaProduct - 0.9999) < 1e-6)
        #expect(inspection.pitfalls[0].description.contains("use set_alpha_to_one true"))
    }

    @Test func zeroSNRWithEpsilonDividesByZeroAtTheTop() {
        let inspection = ScheduleInspection(configuration: configuration {
            $0.rescaleBetasZeroSnr = true
            $0.timestepSpacing = .trailing
        }, steps: 10)
        #expect(names(inspection).contains("zero-snr-with-epsilon"))
        guard let pitfall = inspection.pitfalls.first(where: { $0.name == "zero-snr-with-epsilon" }),
              case let .zeroSNRWithEpsilon(timestep, alphaProduct, rescaled) = pitfall else { return }
        #expect(rescaled)
        #expect(timestep == 999 && alphaProduct == 0)
        #expect(pitfall.description.contains("divides by zero"))
    }

    @Test func zeroSNRWithVPredictionIsFine() {
        let inspection = ScheduleInspection(configuration: configuration {
            $0.rescaleBetasZeroSnr = true
            $0.timestepSpacing = .trailing
            $0.predictionType = .vPrediction
        }, steps: 10)
        #expect(!names(inspection).contains("zero-snr-with-epsilon"))
    }

    @Test func stepsOffsetPastTheScheduleFails() {
        let inspection = ScheduleInspection(configuration: configuration { $0.stepsOffset = 100 }, steps: 10)
        #expect(inspection.steps.isEmpty)
        #expect(inspection.failure != nil)
        #expect(names(inspection) == ["steps-offset-past-schedule"])
    }

    @Test func stepsOffsetIsIgnoredOutsideLeading() {
        let inspection = ScheduleInspection(configuration: configuration {
            $0.stepsOffset = 1
            $0.timestepSpacing = .linspace
        }, steps: 10)
        #expect(names(inspection).first == "steps-offset-ignored")
    }

    @Test func ignoredKeysAreReported() throws {
        let json = #"{"_class_name": "PNDMScheduler", "skip_prk_steps": true, "num_train_timesteps": 1000}"#
        let loaded = try DDIMConfiguration(jsonData: Data(json.utf8))
        let inspection = ScheduleInspection(configuration: loaded, steps: 1000)
        #expect(names(inspection) == ["ignored-keys"])
        #expect(inspection.pitfalls[0].description.contains("skip_prk_steps"))
    }

    @Test func invalidStepCountIsAFailure() {
        #expect(ScheduleInspection(configuration: configuration(), steps: 0).failure != nil)
        #expect(ScheduleInspection(configuration: configuration(), steps: 1001).failure != nil)
    }
}
