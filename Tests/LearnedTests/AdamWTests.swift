import Foundation
import Testing
@testable import Learned

@Suite struct AdamWTests {
    /// PyTorch's single-tensor AdamW, written out in double precision.
    @Test func updatesFollowPyTorchsFormulation() {
        let count = 10
        var parameters = testValues(count, seed: 1, scale: 1)
        var reference = parameters.map(Double.init)
        var m = [Double](repeating: 0, count: count), v = m
        var optimizer = AdamW(parameterCount: count)
        let (lr, decay) = (0.01, 0.1)
        for step in 1...5 {
            let gradient = testValues(count, seed: UInt64(10 + step), scale: 2)
            parameters.withUnsafeMutableBufferPointer { p in
                optimizer.update(p.baseAddress!, gradient: gradient, learningRate: Float(lr), weightDecay: Float(decay), gradientScale: 1)
            }
            for i in 0..<count {
                let g = Double(gradient[i])
                reference[i] *= 1 - lr * decay
                m[i] += (1 - 0.9) * (g - m[i])
                v[i] = 0.999 * v[i] + (1 - 0.999) * g * g
                let stepSize = lr / (1 - pow(0.9, Double(step)))
                let denominator = v[i].squareRoot() / (1 - pow(0.999, Double(step))).squareRoot() + 1e-8
                reference[i] -= stepSize * m[i] / denominator
            }
        }
        #expect(optimizer.step == 5)
        for i in 0..<count { #expect(abs(Double(parameters[i]) - reference[i]) < 1e-6) }
    }

    @Test func clippingScalesTheGlobalNorm() {
        let gradient: [Float] = [3, 4] + [Float](repeating: 0, count: 9)    // norm 5, with a tail
        #expect(abs(AdamW.clippingScale(gradient, count: gradient.count, maxNorm: 1) - 1 / (5 + 1e-6)) < 1e-7)
        #expect(AdamW.clippingScale(gradient, count: gradient.count, maxNorm: 10) == 1)
        #expect(AdamW.clippingScale(gradient, count: gradient.count, maxNorm: 0) == 1)
    }
}
