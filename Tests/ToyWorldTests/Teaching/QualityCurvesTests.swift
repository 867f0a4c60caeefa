import Testing
import ToyWorld

@Suite struct QualityCurvesTests {
    @Test func moreStepsComeCloserToTheData() throws {
        let settings = RunSettings(dataset: .eightGaussians, count: 400, seed: 2)
        var curves = try QualityCurves(settings: settings, rows: [.eta(0)], stepCounts: [2, 50])
        #expect(curves.cellCount == 2 && !curves.isComplete)
        try curves.computeNext()
        #expect(curves.completedCells == 1 && curves.values[0][1] == nil)
        try curves.computeNext()
        #expect(curves.isComplete && curves.failure == nil)
        let points = curves.points(row: 0)
        #expect(points.map(\.steps) == [2, 50])
        #expect(points[0].mmd > 2 * points[1].mmd)
        #expect(curves.noiseFloor > 0 && points[1].mmd < 3 * curves.noiseFloor)
    }

    @Test func aRunThatFailsLeavesItsCellEmptyAndSaysWhy() throws {
        let settings = RunSettings(dataset: .eightGaussians, count: 50)
        var curves = try QualityCurves(settings: settings, rows: [.eta(0)], stepCounts: [2000, 2])
        try curves.computeNext()
        try curves.computeNext()
        #expect(curves.values[0][0] == nil && curves.values[0][1] != nil)
        #expect(curves.failure?.contains("2000 steps") == true)
    }
}
