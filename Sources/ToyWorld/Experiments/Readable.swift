import Foundation

/// Numbers for messages: 4 significant digits, scientific notation below 1e-3, and more digits
/// when two numbers compared in one message would otherwise print the same.
///
/// ```swift
/// Readable.number(4.035830e-05)      // "4.036e-05"
/// Readable.pair(0.99990, 0.99991)    // ("0.9999", "0.99991"), never "0.9999 instead of 0.9999"
/// ```
enum Readable {
    static func number(_ value: Float, digits: Int = 4) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? "-inf" : "inf") }
        if value == 0 { return "0" }
        let magnitude = abs(value)
        let format = magnitude < 1e-3 || magnitude >= 1e6 ? "%.\(digits - 1)e" : "%.\(digits)g"
        return String(format: format, Double(value))
    }

    static func pair(_ a: Float, _ b: Float) -> (String, String) {
        for digits in 4...9 {
            let pair = (number(a, digits: digits), number(b, digits: digits))
            if pair.0 != pair.1 || a == b { return pair }
        }
        return (number(a, digits: 9), number(b, digits: 9))
    }
}
