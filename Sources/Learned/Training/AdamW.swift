import Foundation

/// AdamW in PyTorch's formulation (Loshchilov and Hutter): decoupled weight decay, then Adam with
/// bias correction. For step t (from 1), learning rate lr and gradient g:
///
///     p -= lr * weightDecay * p
///     m += (1 - beta1) (g - m);  v = beta2 v + (1 - beta2) g^2
///     p -= lr / (1 - beta1^t) * m / (sqrt(v) / sqrt(1 - beta2^t) + epsilon)
///
/// ```swift
/// var optimizer = AdamW(parameterCount: 10)
/// optimizer.update(parameters, gradient: g, learningRate: 1e-3, weightDecay: 0, gradientScale: 1)
/// ```
public struct AdamW: Sendable, Equatable {
    public var beta1: Float = 0.9
    public var beta2: Float = 0.999
    public var epsilon: Float = 1e-8
    /// Steps taken (t of the last update).
    public private(set) var step = 0
    /// The moving averages m and v.
    public private(set) var firstMoment: [Float]
    public private(set) var secondMoment: [Float]

    /// A fresh optimizer (zero moments) for `parameterCount` values.
    public init(parameterCount: Int) {
        firstMoment = [Float](repeating: 0, count: max(0, parameterCount))
        secondMoment = [Float](repeating: 0, count: max(0, parameterCount))
    }

    /// One update of `parameters` from `gradient` times `gradientScale` (the clipping factor),
    /// fused in one pass. Both buffers hold at least `parameterCount` values.
    public mutating func update(_ parameters: UnsafeMutablePointer<Float>, gradient: UnsafePointer<Float>,
                                learningRate: Float, weightDecay: Float, gradientScale: Float) {
        step += 1
        let t = Double(step)
        let stepSize = Float(Double(learningRate) / (1 - pow(Double(beta1), t)))
        let correction2 = Float((1 - pow(Double(beta2), t)).squareRoot())
        let decay = 1 - learningRate * weightDecay
        let (b1, b2, eps) = (1 - beta1, beta2, epsilon)
        let oneMinusB2 = 1 - beta2
        let count = firstMoment.count
        firstMoment.withUnsafeMutableBufferPointer { m in
            secondMoment.withUnsafeMutableBufferPointer { v in
                guard let m = m.baseAddress, let v = v.baseAddress else { return }
                for i in 0..<count {
                    let g = gradient[i] * gradientScale
                    let mi = m[i] + b1 * (g - m[i])
                    let vi = b2 * v[i] + oneMinusB2 * (g * g)
                    m[i] = mi
                    v[i] = vi
                    let p = parameters[i] * decay
                    parameters[i] = p - stepSize * (mi / (vi.squareRoot() / correction2 + eps))
                }
            }
        }
    }

    /// The factor PyTorch's `clip_grad_norm_` scales gradients by: min(1, maxNorm / (norm + 1e-6)),
    /// with the global L2 norm of `gradient`; 1 when `maxNorm` is 0 (no clipping).
    public static func clippingScale(_ gradient: UnsafePointer<Float>, count: Int, maxNorm: Float) -> Float {
        guard maxNorm > 0 else { return 1 }
        var lanes = SIMD8<Float>(repeating: 0)
        let full = count & ~7
        var i = 0
        while i < full {
            let g = UnsafeRawPointer(gradient + i).loadUnaligned(as: SIMD8<Float>.self)
            lanes += g * g
            i += 8
        }
        var sum = lanes.sum()
        while i < count {
            sum += gradient[i] * gradient[i]
            i += 1
        }
        return min(1, maxNorm / (sum.squareRoot() + 1e-6))
    }
}
