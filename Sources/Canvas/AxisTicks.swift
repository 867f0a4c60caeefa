import Foundation

/// "Nice" tick positions for a plot axis (steps of 1, 2 or 5 times a power of ten) and their labels.
///
/// ```swift
/// AxisTicks(range: 0...999, maxCount: 5).values   // [0, 200, 400, 600, 800]
/// AxisTicks(range: 0...1, maxCount: 3).labels      // ["0", "0.5", "1"]
/// ```
public struct AxisTicks: Sendable, Hashable {
    public private(set) var values: [Float]
    public private(set) var step: Float

    public init(range: ClosedRange<Float>, maxCount: Int) {
        let span = range.upperBound - range.lowerBound
        guard span > 0, span.isFinite, maxCount >= 1 else {
            values = range.lowerBound.isFinite ? [range.lowerBound] : []
            step = 1
            return
        }
        let raw = Double(span) / Double(max(1, maxCount - 1))
        let magnitude = pow(10, floor(log10(raw)))
        let nice = [1.0, 2, 5, 10].first { $0 * magnitude >= raw * 0.999 } ?? 10
        let step = nice * magnitude
        var ticks: [Float] = []
        var k = ceil(Double(range.lowerBound) / step - 1e-9)
        while k * step <= Double(range.upperBound) + step * 1e-6, ticks.count <= maxCount + 1 {
            let value = k * step
            ticks.append(abs(value) < step * 1e-9 ? 0 : Float(value))
            k += 1
        }
        self.values = ticks
        self.step = Float(step)
    }

    /// Labels with as many decimals as the step needs; exponents for very large or small values.
    public var labels: [String] { values.map { Self.label($0, step: step) } }

    public static func label(_ value: Float, step: Float) -> String {
        if max(abs(value), step) >= 1e5 || step < 1e-3 { return value == 0 ? "0" : String(format: "%.0e", Double(value)) }
        let decimals = max(0, Int(-floor(log10(Double(step)) + 1e-9)))
        return String(format: "%.\(decimals)f", Double(value))
    }
}
