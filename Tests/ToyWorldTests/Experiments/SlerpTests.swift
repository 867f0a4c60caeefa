import Foundation
import Testing
import ToyWorld

@Suite struct SlerpTests {
    let a = SampleBatch(count: 2, dimension: 2, values: [1, 2, -0.5, 0.3])
    let b = SampleBatch(count: 2, dimension: 2, values: [-0.7, 0.4, 1.5, -1])

    @Test func endpointsAreTheInputs() throws {
        let start = try Slerp.interpolate(a, b, alpha: 0)
        let end = try Slerp.interpolate(a, b, alpha: 1)
        for index in a.values.indices {
            #expect(abs(start.values[index] - a.values[index]) < 1e-6)
            #expect(abs(end.values[index] - b.values[index]) < 1e-6)
        }
    }

    @Test func unitVectorsStayOnTheCircle() throws {
        let x = SampleBatch(count: 1, dimension: 2, values: [1, 0])
        let y = SampleBatch(count: 1, dimension: 2, values: [0, 1])
        for alpha: Float in [0.1, 0.25, 0.5, 0.9] {
            let point = try Slerp.interpolate(x, y, alpha: alpha)
            let norm = (point[0, 0] * point[0, 0] + point[0, 1] * point[0, 1]).squareRoot()
            #expect(abs(norm - 1) < 1e-5)
            #expect(abs(atan2(point[0, 1], point[0, 0]) - alpha * .pi / 2) < 1e-5)
        }
    }

    @Test func keepsTheNormOfOrthogonalEqualNormVectorsWhereLerpShrinksIt() throws {
        let x = SampleBatch(count: 1, dimension: 2, values: [3, 0])
        let y = SampleBatch(count: 1, dimension: 2, values: [0, 3])
        let mid = try Slerp.interpolate(x, y, alpha: 0.5)
        #expect(abs(mid[0, 0] - 3 / Float(2).squareRoot()) < 1e-5)
        #expect(abs(mid[0, 1] - 3 / Float(2).squareRoot()) < 1e-5)
    }

    @Test func parallelVectorsFallBackToLinear() throws {
        let x = SampleBatch(count: 1, dimension: 2, values: [1, 1])
        let y = SampleBatch(count: 1, dimension: 2, values: [2, 2])
        let mid = try Slerp.interpolate(x, y, alpha: 0.5)
        #expect(mid.values == [1.5, 1.5])
    }

    @Test func rejectsDifferentShapes() {
        let other = SampleBatch(count: 3, dimension: 2, values: [0, 0, 0, 0, 0, 0])
        #expect(throws: SlerpError.shapeMismatch(first: "2x2", second: "3x2")) {
            try Slerp.interpolate(a, other, alpha: 0.5)
        }
    }

    @Test func rejectsNonFiniteAlpha() {
        #expect(throws: SlerpError.self) { try Slerp.interpolate(a, b, alpha: .nan) }
    }
}
