extension ColorDepth {
    /// `color` as the nearest colour this depth can show, the one quantizer behind `render`'s
    /// ANSI text and the terminal backend: truecolor keeps it, 256 picks the nearest cube or
    /// grey entry (``XtermPalette/nearest256(_:_:_:)``), 16 and 8 the nearest system colour
    /// (``XtermPalette/nearestSystem(_:_:_:count:avoidBlack:)``, avoiding black for a
    /// foreground), monochrome the default.
    ///
    /// ```swift
    /// ColorDepth.palette256.convert(.rgb(255, 0, 0))   // .palette(196)
    /// ColorDepth.palette8.convert(.palette(9))         // .palette(1)
    /// ```
    public func convert(_ color: TerminalColor, role: ColorRole = .background) -> TerminalColor {
        switch (self, color) {
        case (_, .default), (.trueColor, _): return color
        case (.monochrome, _): return .default
        case (.palette256, .palette): return color
        case (.palette256, .rgb(let r, let g, let b)): return .palette(XtermPalette.nearest256(r, g, b))
        case (.palette16, .palette(let index)) where index < 16: return color
        case (.palette8, .palette(let index)) where index < 16: return .palette(index % 8)
        case (.palette16, _), (.palette8, _):
            let (r, g, b) = color.approximateRGB
            return .palette(XtermPalette.nearestSystem(r, g, b, count: self == .palette16 ? 16 : 8,
                                                       avoidBlack: role == .foreground))
        }
    }

    /// `color` fitted to this depth as a foreground (see ``convert(_:role:)``).
    public func convertForeground(_ color: RGBColor) -> TerminalColor {
        convert(color.terminalColor, role: .foreground)
    }
}

extension TerminalColor {
    /// The colour's approximate 24-bit value (palette entries at xterm's defaults; the
    /// terminal default as mid grey).
    var approximateRGB: (UInt8, UInt8, UInt8) {
        switch self {
        case .default: return (128, 128, 128)
        case .rgb(let r, let g, let b): return (r, g, b)
        case .palette(let index): return XtermPalette.rgb(ofIndex: index)
        }
    }
}
