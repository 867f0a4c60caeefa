/// A perceptual colour ramp: evenly spaced control colours, interpolated linearly between them.
///
/// Density shading maps "how many points fall in this cell" through a ramp. The built-in ramps
/// follow the published viridis and magma colour maps at ten evenly spaced stops.
///
/// ```swift
/// let ramp = ColorRamp.magma
/// ramp.color(at: 0.5)   // a warm pink
/// ```
public struct ColorRamp: Sendable, Hashable {
    /// A short name for help texts and option values.
    public var name: String
    /// Control colours at evenly spaced positions 0, 1/(n-1), ..., 1 (at least one).
    public var stops: [RGBColor]

    /// A ramp through `stops`; an empty list gives a white ramp.
    public init(name: String, stops: [RGBColor]) {
        self.name = name
        self.stops = stops.isEmpty ? [RGBColor(255, 255, 255)] : stops
    }

    /// The colour at `position` in 0...1 (clamped; NaN gives the first stop).
    public func color(at position: Float) -> RGBColor {
        guard stops.count > 1, position > 0 else { return stops[0] }
        if position >= 1 { return stops[stops.count - 1] }
        let scaled = position * Float(stops.count - 1)
        let index = Int(scaled)
        return stops[index].mixed(with: stops[index + 1], fraction: scaled - Float(index))
    }

    /// The part of this ramp between `lower` and `upper` (both in 0...1), as a new ramp of `count` stops.
    ///
    /// ```swift
    /// let visible = ColorRamp.magma.slice(from: 0.3, to: 1)   // skips the near-black start
    /// ```
    public func slice(from lower: Float, to upper: Float, count: Int = 10) -> ColorRamp {
        let n = max(2, count)
        let stops = (0..<n).map { color(at: lower + (upper - lower) * Float($0) / Float(n - 1)) }
        return ColorRamp(name: name, stops: stops)
    }

    /// Blue-purple to green to yellow; readable on dark and light backgrounds alike.
    public static let viridis = ColorRamp(name: "viridis", stops: [
        0x440154, 0x482878, 0x3E4A89, 0x31688E, 0x26828E, 0x1F9E89, 0x35B779, 0x6DCD59, 0xB4DE2C, 0xFDE725,
    ].map { RGBColor(hex: $0) })

    /// Black to purple to orange to pale yellow.
    public static let magma = ColorRamp(name: "magma", stops: [
        0x000004, 0x180F3D, 0x440F76, 0x721F81, 0x9E2F7F, 0xCD4071, 0xF1605D, 0xFD9668, 0xFEC98D, 0xFCFDBF,
    ].map { RGBColor(hex: $0) })

    /// Dark grey to white.
    public static let grayscale = ColorRamp(name: "gray", stops: [RGBColor(70, 70, 70), RGBColor(255, 255, 255)])

    /// The point cloud default: magma without its near-black start, so sparse cells stay visible
    /// on a dark terminal.
    public static let ember = ColorRamp(name: "ember", stops: magma.slice(from: 0.3, to: 1).stops)

    /// Every built-in ramp, for option parsing.
    public static let builtins: [ColorRamp] = [.ember, .viridis, .magma, .grayscale]
}
