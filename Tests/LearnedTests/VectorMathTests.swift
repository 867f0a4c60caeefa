import Foundation
import Testing
@testable import Learned

@Suite struct VectorMathTests {
    @Test func erfMatchesTheCLibraryOverASweep() {
        var worstAbsolute: Double = 0, worstRelative: Double = 0
        for i in -60_000...60_000 {
            let u = Float(i) * 1e-4
            let exact = erf(Double(u)), got = Double(VectorErf.erf(u))
            worstAbsolute = max(worstAbsolute, abs(got - exact))
            if exact != 0 { worstRelative = max(worstRelative, abs(got - exact) / abs(exact)) }
        }
        #expect(worstAbsolute < 1.5e-7)
        #expect(worstRelative < 2.5e-7)
        #expect(VectorErf.erf(0) == 0)
        #expect(VectorErf.erf(50) == 1 && VectorErf.erf(-50) == -1)
        #expect(VectorErf.erf(.infinity) == 1)
    }

    @Test func erfIsOddAndTiny() {
        for u: Float in [1e-30, 1e-8, 0.3, 0.99, 1.0, 1.7, 3.9] {
            #expect(VectorErf.erf(-u) == -VectorErf.erf(u))
        }
        #expect(abs(Double(VectorErf.erf(1e-8)) - erf(1e-8)) / erf(1e-8) < 2e-7)
    }

    @Test func geluAndItsSlopeMatchTheErfForm() {
        for i in -800...800 {
            let z = Float(i) * 0.01
            let exact = ReferenceNetwork.gelu(Double(z))
            #expect(abs(Double(GELU.value(z)) - exact) < 3e-7 * max(1, abs(exact)))
            // Slope against a central difference of the exact form.
            let h = 1e-5
            let difference = (ReferenceNetwork.gelu(Double(z) + h) - ReferenceNetwork.gelu(Double(z) - h)) / (2 * h)
            #expect(abs(Double(GELU.slope(z)) - difference) < 5e-7)
        }
        #expect(GELU.value(-30) == 0 && abs(GELU.slope(-30)) < 1e-30)
        #expect(GELU.value(30) == 30 && GELU.slope(30) == 1)
    }

    @Test func biasAndGeluAreFusedOverRowsWithATail() {
        let rows = 3, width = 11
        var z = testValues(rows * width, seed: 1, scale: 3)
        let bias = testValues(width, seed: 2, scale: 1)
        var slopes = [Float](repeating: 0, count: rows * width)
        let expected = (0..<(rows * width)).map { GELU.value(z[$0] + bias[$0 % width]) }
        let expectedSlopes = (0..<(rows * width)).map { GELU.slope(z[$0] + bias[$0 % width]) }
        z.withUnsafeMutableBufferPointer { zp in
            slopes.withUnsafeMutableBufferPointer { sp in
                GELU.applyInSwift(zp.baseAddress!, bias: bias, rows: rows, width: width, slopes: sp.baseAddress!)
            }
        }
        #expect(z == expected)
        #expect(slopes == expectedSlopes)
    }

    /// The kernel `applyWithBias` picks (AVX2 + FMA where the CPU has them) against the exact erf
    /// form in double precision, over a sweep with a ragged row width.
    @Test func theDispatchedKernelMatchesTheErfForm() {
        let width = 13, rows = 1_000
        let inputs = (0..<(rows * width)).map { Float($0 - rows * width / 2) * 1.3e-3 }     // about -8.5 ... 8.5
        let bias = [Float](repeating: 0, count: width)
        var values = inputs, slopes = [Float](repeating: 0, count: inputs.count)
        values.withUnsafeMutableBufferPointer { v in
            slopes.withUnsafeMutableBufferPointer { s in
                GELU.applyWithBias(v.baseAddress!, bias: bias, rows: rows, width: width, slopes: s.baseAddress!)
            }
        }
        var worstValue = 0.0, worstSlope = 0.0
        for (i, z) in inputs.enumerated() {
            let exact = ReferenceNetwork.gelu(Double(z))
            worstValue = max(worstValue, abs(Double(values[i]) - exact) / max(1, abs(exact)))
            let phi = exp(-Double(z) * Double(z) / 2) / (2 * Double.pi).squareRoot()
            worstSlope = max(worstSlope, abs(Double(slopes[i]) - (0.5 * (1 + erf(Double(z) / 2.0.squareRoot())) + Double(z) * phi)))
        }
        #expect(worstValue < 3e-7, "AVX2 kernel in use: \(GELU.usesAVX2)")
        #expect(worstSlope < 5e-7)
    }

    @Test func sineAndCosineMatchTheCLibrary() {
        var worst: Double = 0
        let angles = (-200_000...200_000).map { Float($0) * 5e-3 }       // |x| <= 1000
        var sines = [Float](repeating: 0, count: angles.count), cosines = sines
        angles.withUnsafeBufferPointer { a in
            sines.withUnsafeMutableBufferPointer { s in
                cosines.withUnsafeMutableBufferPointer { c in
                    VectorSine.fill(a.baseAddress!, count: a.count, sines: s.baseAddress!, cosines: c.baseAddress!)
                }
            }
        }
        for (i, x) in angles.enumerated() {
            worst = max(worst, abs(Double(sines[i]) - sin(Double(x))), abs(Double(cosines[i]) - cos(Double(x))))
        }
        #expect(worst < 2e-7)
    }
}
