extension ColorDepth {
    /// `color` as the nearest colour this depth can show: truecolor keeps it, 256 picks the
    /// nearest cube or grey entry, 16 and 8 the nearest basic colour, monochrome the default.
    ///
    /// ```swift
    /// ColorDepth.palette256.convert(.rgb(255, 0, 0))   // .palette(196)
    /// ColorDepth.palette8.convert(.palette(9))         // .palette(1)
    /// ```
    public func convert(_ color: TerminalColor) -> TerminalColor {
        switch (self, color) {
        case (_, .default), (.trueColor, _): return color
        case (.monochrome, _): return .default
        case (.palette256, .palette): return color
        case (.palette256, .rgb(let r, let g, let b)): return .palette(Self.nearest256(RGBColor(r, g, b)))
        case (.palette16, .palette(let index)) where index < 16: return color
        case (.palette8, .palette(let index)) where index < 16: return .palette(index % 8)
        case (.palette16, _), (.palette8, _):
            let limit = self == .palette16 ? 16 : 8
            return .palette(Self.nearestBasic(color.approximateRGB, among: limit))
        }
    }

    /// `color` fitted to this depth, as a foreground that must stay visible: low depths never
    /// pick black (index 0), which would vanish on a dark terminal.
    public func convertForeground(_ color: RGBColor) -> TerminalColor {
        switch self {
        case .palette16, .palette8:
            return .palette(Self.nearestBasic(color, among: self == .palette16 ? 16 : 8, skippingBlack: true))
        default:
            return convert(color.terminalColor)
        }
    }

    /// xterm's default values of the 16 basic colours.
    static let basicColors: [RGBColor] = [
        0x000000, 0xCD0000, 0x00CD00, 0xCDCD00, 0x0000EE, 0xCD00CD, 0x00CDCD, 0xE5E5E5,
        0x7F7F7F, 0xFF0000, 0x00FF00, 0xFFFF00, 0x5C5CFF, 0xFF00FF, 0x00FFFF, 0xFFFFFF,
    ].map { RGBColor(hex: $0) }

    static let cubeLevels: [Int] = [0, 95, 135, 175, 215, 255]

    static func nearestBasic(_ color: RGBColor, among count: Int, skippingBlack: Bool = false) -> UInt8 {
        var best = skippingBlack ? 1 : 0
        var bestDistance = Int.max
        for index in best..<count {
            let distance = color.perceptualDistance(to: basicColors[index])
            if distance < bestDistance { best = index; bestDistance = distance }
        }
        return UInt8(best)
    }

    /// The nearest entry of the 6x6x6 cube (16...231) or the grey ramp (232...255).
    static func nearest256(_ color: RGBColor) -> UInt8 {
        func cubeIndex(_ value: UInt8) -> Int {
            var best = 0
            for (i, level) in cubeLevels.enumerated() where abs(level - Int(value)) < abs(cubeLevels[best] - Int(value)) { best = i }
            return best
        }
        let r = cubeIndex(color.red), g = cubeIndex(color.green), b = cubeIndex(color.blue)
        let cube = RGBColor(UInt8(cubeLevels[r]), UInt8(cubeLevels[g]), UInt8(cubeLevels[b]))
        let average = (Int(color.red) + Int(color.green) + Int(color.blue)) / 3
        let greyStep = min(23, max(0, (average - 3) / 10))
        let greyLevel = UInt8(8 + 10 * greyStep)
        let grey = RGBColor(greyLevel, greyLevel, greyLevel)
        if color.perceptualDistance(to: grey) < color.perceptualDistance(to: cube) {
            return UInt8(232 + greyStep)
        }
        return UInt8(16 + 36 * r + 6 * g + b)
    }
}

extension TerminalColor {
    /// The colour's approximate 24-bit value (palette entries at xterm's defaults; the
    /// terminal default as mid grey).
    var approximateRGB: RGBColor {
        switch self {
        case .default: return RGBColor(128, 128, 128)
        case .rgb(let r, let g, let b): return RGBColor(r, g, b)
        case .palette(let index):
            switch index {
            case 0..<16: return ColorDepth.basicColors[Int(index)]
            case 16..<232:
                let i = Int(index) - 16
                let levels = ColorDepth.cubeLevels
                return RGBColor(UInt8(levels[i / 36]), UInt8(levels[(i / 6) % 6]), UInt8(levels[i % 6]))
            default:
                let level = UInt8(8 + 10 * (Int(index) - 232))
                return RGBColor(level, level, level)
            }
        }
    }
}
