/// The standard xterm colours of the 256 palette indices, and the nearest-index searches every
/// colour depth conversion uses (``ColorDepth/convert(_:role:)``).
///
/// ```swift
/// XtermPalette.nearest256(255, 0, 0)     // 196
/// XtermPalette.rgb(ofIndex: 21)          // (0, 0, 255)
/// ```
public enum XtermPalette {
    /// The 16 system colours as xterm shows them by default.
    static let system: [(UInt8, UInt8, UInt8)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]
    /// The channel levels of the 6x6x6 colour cube (indices 16–231).
    static let cubeLevels: [Int] = [0, 95, 135, 175, 215, 255]

    /// The colour of a palette index: 0–15 system, 16–231 cube, 232–255 greys.
    public static func rgb(ofIndex index: UInt8) -> (UInt8, UInt8, UInt8) {
        let i = Int(index)
        if i < 16 { return system[i] }
        if i < 232 {
            let c = i - 16
            return (UInt8(cubeLevels[c / 36]), UInt8(cubeLevels[(c / 6) % 6]), UInt8(cubeLevels[c % 6]))
        }
        let grey = UInt8(8 + 10 * (i - 232))
        return (grey, grey, grey)
    }

    /// The nearest index among the cube and the grey ramp (16–255); the system colours are left
    /// out because terminals redefine them.
    public static func nearest256(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> UInt8 {
        func level(_ v: UInt8) -> Int {
            var best = 0
            for (i, l) in cubeLevels.enumerated() where abs(l - Int(v)) < abs(cubeLevels[best] - Int(v)) { best = i }
            return best
        }
        let cube = 16 + 36 * level(r) + 6 * level(g) + level(b)
        let average = (Int(r) + Int(g) + Int(b)) / 3
        let greyStep = min(23, max(0, (average - 8 + 5) / 10))
        let grey = 232 + greyStep
        let cubeIndex = UInt8(cube), greyIndex = UInt8(grey)
        return distance(rgb(ofIndex: cubeIndex), (r, g, b)) <= distance(rgb(ofIndex: greyIndex), (r, g, b)) ? cubeIndex : greyIndex
    }

    /// The nearest of the first `count` system colours (8 or 16). With `avoidBlack` (foregrounds)
    /// index 0 is never picked, so text stays visible on a dark background.
    public static func nearestSystem(_ r: UInt8, _ g: UInt8, _ b: UInt8, count: Int, avoidBlack: Bool) -> UInt8 {
        let target = (r, g, b)
        var best = avoidBlack ? 1 : 0
        var bestDistance = Int.max
        for i in best..<min(count, system.count) {
            let d = distance(system[i], target)
            if d < bestDistance { best = i; bestDistance = d }
        }
        return UInt8(best)
    }

    /// Squared distance weighted for the eye ("redmean": red and blue weights follow the mean red).
    static func distance(_ a: (UInt8, UInt8, UInt8), _ b: (UInt8, UInt8, UInt8)) -> Int {
        let meanRed = (Int(a.0) + Int(b.0)) / 2
        let dr = Int(a.0) - Int(b.0), dg = Int(a.1) - Int(b.1), db = Int(a.2) - Int(b.2)
        return (((512 + meanRed) * dr * dr) >> 8) + 4 * dg * dg + (((767 - meanRed) * db * db) >> 8)
    }
}
