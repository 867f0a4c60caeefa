/// Reads one number from the bytes of a CSV field, correctly rounded, without building a string in
/// the common case.
///
/// Plain decimals (`-12.5`, `3e-4`, `.5`) with at most 19 significant digits and a small power of ten
/// take Clinger's fast path: the digits as an exact integer (below 2^53) times or divided by an exact
/// power of ten (at most 10^22) is one correctly rounded operation. Everything else goes to `Double(_:)`.
///
/// ```swift
/// DecimalField.parse(bytes("0,25"), decimalComma: true)   // 0.25
/// ```
enum DecimalField {
    private static let powersOfTen: [Double] = (0...22).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    /// The value of `field`, or nil when it is not a number. With `decimalComma` one comma is a decimal point.
    static func parse(_ field: UnsafeBufferPointer<UInt8>, decimalComma: Bool) -> Double? {
        if let value = fastPath(field, decimalComma: decimalComma) { return value }
        var text = String(decoding: field, as: UTF8.self)
        if decimalComma {
            guard !text.contains(".") else { return text.contains(",") ? nil : Double(text) }
            text = text.replacingOccurrences(of: ",", with: ".")
        }
        return Double(text)
    }

    private static func fastPath(_ field: UnsafeBufferPointer<UInt8>, decimalComma: Bool) -> Double? {
        var index = 0
        let count = field.count
        var negative = false
        if index < count && (field[index] == UInt8(ascii: "-") || field[index] == UInt8(ascii: "+")) {
            negative = field[index] == UInt8(ascii: "-")
            index += 1
        }
        var mantissa: UInt64 = 0
        var digits = 0, significant = 0, exponent = 0
        var seenPoint = false
        while index < count {
            let byte = field[index]
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                digits += 1
                if mantissa == 0 && byte == UInt8(ascii: "0") {
                    if seenPoint { exponent -= 1 }
                } else {
                    significant += 1
                    guard significant <= 19 else { return nil }
                    mantissa = mantissa * 10 + UInt64(byte - UInt8(ascii: "0"))
                    if seenPoint { exponent -= 1 }
                }
            } else if !seenPoint && (byte == UInt8(ascii: ".") || (decimalComma && byte == UInt8(ascii: ","))) {
                seenPoint = true
            } else {
                break
            }
            index += 1
        }
        guard digits > 0 else { return nil }
        if index < count {
            guard field[index] == UInt8(ascii: "e") || field[index] == UInt8(ascii: "E") else { return nil }
            index += 1
            var exponentNegative = false
            if index < count && (field[index] == UInt8(ascii: "-") || field[index] == UInt8(ascii: "+")) {
                exponentNegative = field[index] == UInt8(ascii: "-")
                index += 1
            }
            var written = 0, exponentDigits = 0
            while index < count && field[index] >= UInt8(ascii: "0") && field[index] <= UInt8(ascii: "9") {
                exponentDigits += 1
                guard exponentDigits <= 4 else { return nil }
                written = written * 10 + Int(field[index] - UInt8(ascii: "0"))
                index += 1
            }
            guard exponentDigits > 0, index == count else { return nil }
            exponent += exponentNegative ? -written : written
        }
        if mantissa == 0 { return negative ? -0.0 : 0.0 }
        guard mantissa <= 1 << 53, abs(exponent) <= 22 else { return nil }
        let magnitude = exponent >= 0 ? Double(mantissa) * powersOfTen[exponent] : Double(mantissa) / powersOfTen[-exponent]
        return negative ? -magnitude : magnitude
    }
}
