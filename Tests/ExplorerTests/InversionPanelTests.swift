import Testing
@testable import Explorer
import ToyWorld

@Suite struct InversionPanelTests {
    @Test func invertReportsTheMeanSquaredErrorPerCoordinateAsTableDoes() {
        var model = ExplorerModel(settings: smallSettings(steps: 10, count: 100))
        model.press(.modeInvert)
        guard var run = model.inversion else {
            Issue.record("invert mode has no inversion run")
            return
        }
        while run.stepForward() {}
        let meanSquare = run.reconstructionMeanSquaredError ?? .nan
        let rms = run.reconstructionError ?? .nan
        // RMS distance over points = sqrt(2 · MSE per coordinate) for 2-D points.
        #expect(abs(Double(rms) - (2 * meanSquare).squareRoot()) < 1e-4)
        model.inversion = run
        let lines = QualityPanel.lines(model, width: 40).lines
        #expect(lines.contains("reconstruction MSE/coord: \(Text.small(Float(meanSquare), 5))"))
    }
}
