import DDIM
import Foundation
import Testing
import ToyWorld

/// Each `inspect` warning against what diffusers 0.42.1 itself does with the same config, and each
/// advised fix against diffusers too (cases written by Tests/Scripts/check_hub_configs.py).
@Suite struct InspectionVersusDiffusersTests {
    struct Case: Decodable, CustomTestStringConvertible {
        let name: String
        let config: DDIMConfiguration
        let steps: Int
        let eta: Float
        let timestep_count: Int?
        let first_timestep: Int?
        let first_alpha_cumprod: Float?
        let last_alpha_cumprod: Float?
        let final_level: Float?
        let output_has_nan: Bool?
        let error: String?
        var testDescription: String { name }
    }
    struct File: Decodable { let inspect_cases: [Case] }

    static let cases: [Case] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("DDIMTests/Fixtures/hub_configs_expected.json")
        return (try? JSONDecoder().decode(File.self, from: Data(contentsOf: url)).inspect_cases) ?? []
    }()

    static func inspection(_ name: String) throws -> ScheduleInspection {
        let c = try #require(cases.first { $0.name == name })
        return ScheduleInspection(configuration: c.config, steps: c.steps, eta: c.eta)
    }

    @Test func theCasesAreThere() {
        #expect(Self.cases.count == 24)
    }

    @Test(arguments: cases)
    func warningsAppearExactlyWhereDiffusersMisbehaves(_ c: Case) {
        let inspection = ScheduleInspection(configuration: c.config, steps: c.steps, eta: c.eta)
        let names = Set(inspection.pitfalls.map(\.name))
        #expect(names.contains("steps-offset-past-schedule") == (c.error != nil))
        guard c.error == nil, let final = c.final_level, let first = c.first_timestep else { return }
        if names.contains("degenerate-schedule") {   // an error, with no table: diffusers' output is NaN
            #expect(c.output_has_nan == true)
            return
        }
        #expect(names.contains("diffusers-extra-trailing-step") == (c.timestep_count != c.steps))
        if c.timestep_count == c.steps {   // else diffusers' chain has its extra step from -1
            #expect(names.contains("residual-noise") == (final < 1))
            #expect(inspection.steps.last?.alphaProductPrevious == final)
        }
        #expect(names.contains("diffusers-nan-direction") == (c.output_has_nan == true))
        let missesTop = first < c.config.numTrainTimesteps - 1 && c.first_alpha_cumprod != c.last_alpha_cumprod
        #expect(names.contains("leading-misses-last-timestep") || names.contains("start-misses-last-timestep") == missesTop)
    }

    @Test func residualNoiseAdviceIsTheCaseDiffusersFixes() throws {
        let warned = try Self.inspection("offset1-alpha-one-600")
        guard case let .residualNoise(.lastStepLandsOnTimestep(from, to, counts, alsoAlpha), final)? =
                warned.pitfalls.first(where: { $0.name == "residual-noise" }) else {
            Issue.record("no residual-noise warning")
            return
        }
        #expect(from == 1 && to == 0 && counts == [500] && !alsoAlpha)
        #expect(abs((1 - final).squareRoot() - 0.02915) < 1e-4, "the issue's std 0.029")
        #expect(try !Self.inspection("offset1-alpha-one-500").pitfalls.contains { $0.name == "residual-noise" })
        let sd = try Self.inspection("sd15-leading-offset1-600")
        let message = try #require(sd.pitfalls.first { $0.name == "residual-noise" }).description
        #expect(message.contains("500 steps") && message.contains("together with set_alpha_to_one true"))
        #expect(try Self.inspection("sd15-leading-offset1-500").pitfalls.contains { $0.name == "residual-noise" })
        #expect(try !Self.inspection("sd15-leading-offset1-500-alpha-one").pitfalls.contains { $0.name == "residual-noise" })
        #expect(!sd.pitfalls.contains { $0.description.contains("or leading spacing") })
    }

    @Test func stepsOffsetAdviceSaysFewerSteps() throws {
        let failed = try Self.inspection("sd15-leading-offset1-1000")
        let message = try #require(failed.pitfalls.first { $0.name == "steps-offset-past-schedule" }).description
        #expect(message.contains("at most 999 steps") && !message.contains("more steps"))
        #expect(try Self.inspection("sd15-leading-offset1-999").failure == nil)
    }

    @Test func trailingExtraStepAdviceNamesCountsDiffusersHandles() throws {
        for (name, advice) in [("trailing-61", [58, 62]), ("trailing-103", [100, 106])] {
            let inspection = try Self.inspection(name)
            guard case let .diffusersExtraTrailingStep(_, alternatives)? =
                    inspection.pitfalls.first(where: { $0.name == "diffusers-extra-trailing-step" }) else {
                Issue.record("\(name): no warning")
                continue
            }
            #expect(alternatives == advice, "\(name)")
        }
        for advised in ["trailing-58", "trailing-62", "trailing-100", "trailing-106"] {
            let c = try #require(Self.cases.first { $0.name == advised })
            #expect(c.timestep_count == c.steps && c.final_level == 1, "diffusers handles \(advised)")
            let names = try Self.inspection(advised).pitfalls.map(\.name)
            #expect(!names.contains("diffusers-extra-trailing-step") && !names.contains("residual-noise"), "\(advised)")
        }
        #expect(try Self.inspection("trailing-60").pitfalls.map(\.name).contains("residual-noise"),
                "60 steps is no fix for 61: diffusers' last step lands on alpha-bar(0)")
    }

    @Test func nanEtaAdviceIsTheEtaDiffusersSurvives() throws {
        let warned = try Self.inspection("zero-snr-eta-1")
        guard case let .negativeDirectionTerm(step, timestep, _, _, largestEta)? =
                warned.pitfalls.first(where: { $0.name == "diffusers-nan-direction" }) else {
            Issue.record("no NaN warning at eta 1")
            return
        }
        let safe = try #require(Self.cases.first { $0.name == "zero-snr-largest-safe-eta" })
        #expect(step == 0 && timestep == 999 && largestEta == safe.eta && safe.output_has_nan == false)
    }

    @Test(arguments: ["degenerate-t100000", "degenerate-beta-start-0.5", "degenerate-tiny-trained-betas"])
    func degenerateSchedulesAreErrorsWhereDiffusersGivesNaN(_ name: String) throws {
        let c = try #require(Self.cases.first { $0.name == name })
        #expect(c.output_has_nan == true, "diffusers' output is NaN")
        let inspection = try Self.inspection(name)
        let error = try #require(inspection.pitfalls.first { $0.isError })
        #expect(error.name == "degenerate-schedule" && inspection.steps.isEmpty)
        #expect(!error.description.contains("nan") && !error.description.contains("NaN rows"))
    }

    @Test func singleLinspaceStepWarnsOfTimestepZero() throws {
        let inspection = try Self.inspection("linspace-1-step")
        let message = try #require(inspection.pitfalls.first { $0.name == "start-misses-last-timestep" }).description
        #expect(message.contains("starts at timestep 0") && message.contains("use trailing spacing"))
        #expect(try Self.inspection("trailing-1-step").pitfalls.isEmpty)
    }
}
