import Foundation

/// A tiny stroke font (just the letters D, I and M) and the word "DDIM" laid out with it.
///
/// Each glyph is a set of polylines in a box of height 1.5; arcs are split into short segments.
/// Points are drawn uniformly along the total stroke length.
///
/// ```swift
/// let word = StrokeFont.polylines(for: "DDIM")   // [[SIMD2<Float>]], centred and scaled
/// ```
enum StrokeFont {
    static let glyphHeight: Double = 1.5
    static let letterGap: Double = 0.3

    /// The polylines of one glyph, with its advance width, or nil if the font lacks it.
    static func glyph(_ letter: Character) -> (strokes: [[SIMD2<Double>]], width: Double)? {
        let h = glyphHeight
        switch letter {
        case "D":
            let bowl = (0...24).map { i -> SIMD2<Double> in
                let theta = Double.pi / 2 - Double.pi * Double(i) / 24
                return SIMD2(0.15 + 0.65 * cos(theta), h / 2 + h / 2 * sin(theta))
            }
            return ([[SIMD2(0, 0), SIMD2(0, h)], [SIMD2(0, h)] + bowl + [SIMD2(0, 0)]], 0.8)
        case "I":
            return ([[SIMD2(0.2, 0), SIMD2(0.2, h)], [SIMD2(0, 0), SIMD2(0.4, 0)], [SIMD2(0, h), SIMD2(0.4, h)]], 0.4)
        case "M":
            return ([[SIMD2(0, 0), SIMD2(0, h), SIMD2(0.4, 0.6), SIMD2(0.8, h), SIMD2(0.8, 0)]], 0.8)
        default:
            return nil
        }
    }

    /// The word laid out left to right, centred on the origin and scaled by `scale`.
    static func polylines(for word: String, scale: Double = 1.2) -> [[SIMD2<Float>]] {
        var strokes: [[SIMD2<Double>]] = []
        var cursor = 0.0
        for letter in word {
            guard let g = glyph(letter) else { continue }
            strokes += g.strokes.map { $0.map { $0 + SIMD2(cursor, 0) } }
            cursor += g.width + letterGap
        }
        let width = max(0, cursor - letterGap)
        let centre = SIMD2(width / 2, glyphHeight / 2)
        return strokes.map { $0.map { point in
            let p = (point - centre) * scale
            return SIMD2(Float(p.x), Float(p.y))
        } }
    }
}

/// Points spread uniformly along a set of polylines by arc length.
struct PolylinePath: Sendable {
    let starts: [SIMD2<Float>]
    let ends: [SIMD2<Float>]
    /// Cumulative length at the end of each segment.
    let cumulative: [Float]

    init(_ polylines: [[SIMD2<Float>]]) {
        var starts: [SIMD2<Float>] = [], ends: [SIMD2<Float>] = [], cumulative: [Float] = []
        var total: Float = 0
        for line in polylines where line.count > 1 {
            for i in 1..<line.count {
                let a = line[i - 1], b = line[i]
                let d = b - a
                total += (d * d).sum().squareRoot()
                starts.append(a)
                ends.append(b)
                cumulative.append(total)
            }
        }
        self.starts = starts
        self.ends = ends
        self.cumulative = cumulative
    }

    /// The point at fraction `u` in [0, 1) of the total length.
    func point(at u: Float) -> SIMD2<Float> {
        guard let total = cumulative.last, total > 0 else { return .zero }
        let target = u * total
        var low = 0, high = cumulative.count - 1
        while low < high {
            let mid = (low + high) / 2
            if cumulative[mid] < target { low = mid + 1 } else { high = mid }
        }
        let segmentStart = low == 0 ? 0 : cumulative[low - 1]
        let length = cumulative[low] - segmentStart
        let t = length > 0 ? min(max((target - segmentStart) / length, 0), 1) : 0
        return starts[low] + t * (ends[low] - starts[low])
    }
}
