import Testing
import Canvas
import Points
import Foundation

@Suite struct CloudPictureTests {
    /// Two interleaved half circles, evenly spaced, without noise.
    func twoMoons(perMoon: Int) -> SampleBatch {
        var values: [Float] = []
        for i in 0..<perMoon {
            let angle = Float.pi * Float(i) / Float(perMoon - 1)
            values += [cos(angle), sin(angle), 1 - cos(angle), 0.5 - sin(angle)]
        }
        return SampleBatch(count: 2 * perMoon, dimension: 2, values: values)
    }

    @Test func aPlainPictureHasTitleCloudAndStatusLine() {
        let moons = twoMoons(perMoon: 400)
        let picture = CloudPicture(points: moons, viewport: Viewport.fitting(moons), title: "two-moons · step 50/50",
                                   caption: "eta 0", progress: (1, "50/50"))
        let frame = picture.render(width: 40, height: 12, style: PointCloudStyle(mode: .braille, depth: .monochrome))
        let lines = frame.plainText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.count == 12)
        #expect(lines[0].hasPrefix("╭─ two-moons · step 50/50 ─"))
        #expect(lines[10].hasPrefix("╰"))
        #expect(lines[11].hasPrefix(" eta 0"))
        #expect(lines[11].hasSuffix("█ 50/50"))
        // Both moons show: the upper arc's top row and the lower arc's bottom row hold dots.
        let cloudRows = lines[1...9].filter { $0.unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) } }
        #expect(cloudRows.count == 9)
    }

    @Test(arguments: GlyphMode.allCases)
    func everyModeDrawsInsideTheBox(mode: GlyphMode) {
        let moons = twoMoons(perMoon: 300)
        let picture = CloudPicture(points: moons, viewport: Viewport.fitting(moons), title: "t", background: moons)
        let frame = picture.render(width: 30, height: 10, style: PointCloudStyle(mode: mode, depth: .palette16))
        for y in 0..<10 {
            #expect(frame[0, y].text != " " && frame[29, y].text != " ", "border at row \(y) in \(mode)")
        }
        let lit = (1..<9).flatMap { y in (1..<29).map { x in frame[x, y] } }.filter { $0.text != " " }
        #expect(lit.count > 20)
    }
}
