/// A 24-bit colour, the currency of colour ramps before they are fitted to a terminal's
/// ``ColorDepth``.
///
/// ```swift
/// let amber = RGBColor(hex: 0xFDB42F)
/// amber.terminalColor   // .rgb(253, 180, 47)
/// ```
public struct RGBColor: Sendable, Hashable {
    public var red: UInt8
    public var green: UInt8
    public var blue: UInt8

    public init(_ red: UInt8, _ green: UInt8, _ blue: UInt8) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// A colour from a `0xRRGGBB` literal.
    public init(hex: UInt32) {
        self.init(UInt8((hex >> 16) & 0xFF), UInt8((hex >> 8) & 0xFF), UInt8(hex & 0xFF))
    }

    /// The colour as a truecolor ``TerminalColor``.
    public var terminalColor: TerminalColor { .rgb(red, green, blue) }

    /// `#rrggbb`, as SVG and CSS write it.
    public var hexString: String {
        let digits = Array("0123456789abcdef")
        var text = "#"
        for channel in [red, green, blue] {
            text.append(digits[Int(channel >> 4)])
            text.append(digits[Int(channel & 0xF)])
        }
        return text
    }

    /// The straight-line mix of two colours: `fraction` 0 gives `self`, 1 gives `other`.
    public func mixed(with other: RGBColor, fraction: Float) -> RGBColor {
        let f = min(max(fraction, 0), 1)
        func channel(_ a: UInt8, _ b: UInt8) -> UInt8 {
            UInt8((Float(a) + (Float(b) - Float(a)) * f).rounded())
        }
        return RGBColor(channel(red, other.red), channel(green, other.green), channel(blue, other.blue))
    }
}
