import Testing
@testable import Explorer
import ToyWorld

@Suite struct NoisyStartWarningTests {
    @Test func oneLeadingStepWarnsThatXTStaysNoise() {
        let model = ExplorerModel(settings: smallSettings(steps: 1, count: 50))
        #expect(model.runs[0].chain?.timesteps == [0])
        #expect(model.warning?.contains("first step at t=0 (ᾱ 1.000)") == true, "\(model.warning ?? "none")")
    }

    @Test func trailingSpacingAndManyStepsAreQuiet() {
        var settings = smallSettings(steps: 1, count: 50)
        settings.configuration.timestepSpacing = .trailing
        #expect(ExplorerModel(settings: settings).warning == nil)
        #expect(ExplorerModel(settings: smallSettings(steps: 10, count: 50)).warning == nil)
    }
}
