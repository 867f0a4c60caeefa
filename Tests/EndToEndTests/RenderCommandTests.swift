import Foundation
import Testing

@Suite struct RenderCommandTests {
    static let small = ["--dataset", "two-moons", "--count", "300", "--steps", "10", "--width", "60", "--height", "18", "--view", "data"]

    /// Lit cells inside the box: (column, row) of every cell that is not blank or border.
    func cloudCells(_ lines: [String]) -> [(x: Int, y: Int)] {
        var cells: [(Int, Int)] = []
        for (y, line) in lines.enumerated().dropFirst().prefix(lines.count - 3) {
            for (x, character) in line.enumerated() where x > 0 && x < 59 && character != " " && character != "│" && character != "|" {
                cells.append((x, y))
            }
        }
        return cells
    }

    @Test(arguments: ["braille", "octants", "sextants", "quadrants", "half", "ascii"])
    func plainTwoMoonsIsRecognizableInEveryGlyphMode(glyphs: String) throws {
        let result = try runExplorer(["render", "--plain", "--glyphs", glyphs] + Self.small)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty }
        #expect(lines.count == 18)
        #expect(lines.first?.contains("two-moons") == true)
        #expect(lines.first?.contains("step 10/10") == true)
        #expect(!result.stdout.contains("\u{1B}["))
        let cells = cloudCells(lines)
        #expect(cells.count > 40, "only \(cells.count) lit cells:\n\(result.stdout)")
        // The upper moon lies left of the lower one: compare the mean column of the top and bottom thirds.
        let rows = cells.map(\.y)
        guard let top = rows.min(), let bottom = rows.max() else { return }
        let third = max(1, (bottom - top) / 3)
        let upper = cells.filter { $0.y <= top + third }.map { Double($0.x) }
        let lower = cells.filter { $0.y >= bottom - third }.map { Double($0.x) }
        let mean = { (values: [Double]) in values.reduce(0, +) / Double(max(1, values.count)) }
        #expect(mean(upper) + 4 < mean(lower), "upper mean \(mean(upper)), lower mean \(mean(lower)):\n\(result.stdout)")
    }

    @Test func colourDepthsGiveTheirEscapeSequences() throws {
        let base = ["render", "--dataset", "two-moons", "--count", "100", "--steps", "3", "--width", "30", "--height", "8"]
        let palette = try runExplorer(base + ["--color", "256"])
        #expect(palette.status == 0)
        #expect(palette.stdout.contains("\u{1B}[38;5;"))
        #expect(!palette.stdout.contains("\u{1B}[38;2;"))
        let truecolor = try runExplorer(base + ["--color", "truecolor", "--step", "1"])
        #expect(truecolor.stdout.contains("\u{1B}[38;2;"))
        #expect(truecolor.stdout.contains("step 1/3"))
        let mono = try runExplorer(base + ["--color", "mono"])
        #expect(!mono.stdout.contains("38;"))
    }

    @Test func svgExportWritesAPicture() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("render-\(UUID().uuidString).svg").path
        let result = try runExplorer(["render", "--plain", "--dataset", "two-moons", "--count", "100", "--steps", "3",
                                      "--width", "30", "--height", "8", "--follow", "2", "--svg", path])
        #expect(result.status == 0, "\(result.stderr)")
        let svg = try String(contentsOfFile: path, encoding: .utf8)
        #expect(svg.hasPrefix("<svg"))
        #expect(svg.components(separatedBy: "<circle").count > 100)
        #expect(svg.components(separatedBy: "<polyline").count == 3)
        try? FileManager.default.removeItem(atPath: path)
    }

    @Test func badFlagsAreNamedWithWhatIsAllowed() throws {
        let glyphs = try runExplorer(["render", "--glyphs", "dots", "--count", "10", "--steps", "2"])
        #expect(glyphs.status == 1)
        #expect(glyphs.stderr.contains("--glyphs"))
        #expect(glyphs.stderr.contains("braille, octants, sextants, quadrants, half, ascii"))
        let step = try runExplorer(["render", "--step", "9", "--count", "10", "--steps", "4"])
        #expect(step.status == 1)
        #expect(step.stderr.contains("--step") && step.stderr.contains("0 ... 4"))
        let width = try runExplorer(["render", "--width", "5", "--count", "10", "--steps", "2"])
        #expect(width.stderr.contains("--width"))
        let color = try runExplorer(["render", "--color", "rainbow", "--count", "10", "--steps", "2"])
        #expect(color.stderr.contains("auto, truecolor, 256, 16, 8, mono"))
        let svg = try runExplorer(["render", "--count", "10", "--steps", "2", "--svg", "/nonexistent-dir/x.svg", "--plain"])
        #expect(svg.status == 1)
        #expect(svg.stderr.contains("--svg") && svg.stderr.contains("/nonexistent-dir/x.svg"))
    }
}
