import Testing
import ToyWorld

@Suite struct VectorFieldTests {
    let settings = RunSettings(dataset: .eightGaussians, count: 100, steps: 50)

    @Test func theGridRunsFromTopLeftToBottomRight() throws {
        let field = try VectorField(settings: settings, timestep: 500, kind: .denoised, xRange: -2...2, yRange: -1...1,
                                    columns: 5, rows: 3)
        #expect(field.positions.count == 15)
        #expect(field.arrow(0).from == SIMD2(-2, 1))
        #expect(field.arrow(4).from == SIMD2(2, 1))
        #expect(field.arrow(14).from == SIMD2(2, -1))
    }

    @Test func atTheLastLevelEveryPointIsSentToTheDataMean() throws {
        // Eight Gaussians centred on a circle: the data mean is the origin.
        let field = try VectorField(settings: settings, timestep: 999, kind: .denoised, xRange: -3...3, yRange: -3...3,
                                    columns: 7, rows: 7)
        for index in 0..<field.positions.count {
            let (_, to) = field.arrow(index)
            #expect((to * to).sum().squareRoot() < 0.1)
        }
    }

    @Test func oneStepMovesAlongTheDDIMUpdate() throws {
        let denoised = try VectorField(settings: settings, timestep: 500, kind: .denoised, xRange: -3...3, yRange: -3...3,
                                       columns: 6, rows: 4)
        let step = try VectorField(settings: settings, timestep: 500, kind: .step, xRange: -3...3, yRange: -3...3,
                                   columns: 6, rows: 4)
        let scheduler = try DDIMScheduler(configuration: settings.configuration)
        let alpha = scheduler.alphaProduct(at: 500), previous = scheduler.alphaProduct(at: 480)
        for index in 0..<step.positions.count {
            let x = denoised.arrow(index).from, x0 = denoised.arrow(index).to
            let epsilon = (x - alpha.squareRoot() * x0) / (1 - alpha).squareRoot()
            let expected = previous.squareRoot() * x0 + (1 - previous).squareRoot() * epsilon
            let got = step.arrow(index).to
            #expect(abs(got.x - expected.x) < 1e-4 && abs(got.y - expected.y) < 1e-4)
        }
        #expect(step.longestDisplacement < denoised.longestDisplacement)
    }
}
