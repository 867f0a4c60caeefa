import ArgumentParser
import Foundation
import Canvas
import Explorer

/// `explore --benchmark-frames N`: times the explorer's update + view while playing, headless.
///
/// Each frame is one tick (one or more chain steps, with the quality probe) and one full view at
/// the given size in braille with truecolor, as the event loop does them.
struct FrameBenchmark {
    var settings: RunSettings
    var frames: Int
    var size: String

    func run() throws {
        let parts = size.split(separator: "x").compactMap { Int($0) }
        guard parts.count == 2, parts[0] > 0, parts[1] > 0 else {
            throw CommandError.invalid("--benchmark-size", size, allowed: "WIDTHxHEIGHT, for example 120x40")
        }
        guard frames >= 1 else { throw CommandError.invalid("--benchmark-frames", "\(frames)", allowed: "an integer >= 1") }
        let (width, height) = (parts[0], parts[1])
        let clock = ContinuousClock()
        let start = clock.now
        var model = ExplorerModel(settings: settings)
        _ = model.update(.resize(width: width, height: height))
        var first = model.view(width: width, height: height, depth: .trueColor, glyphs: .braille)
        let firstFrame = start.duration(to: clock.now)
        _ = model.update(.key(.character(" ")))
        var updates: [Double] = [], views: [Double] = []
        var checksum = first.cells.count
        for _ in 0..<frames {
            if !model.isPlaying { _ = model.update(.key(.home)); _ = model.update(.key(.character(" "))) }
            let t0 = clock.now
            _ = model.update(.tick)
            let t1 = clock.now
            first = model.view(width: width, height: height, depth: .trueColor, glyphs: .braille)
            let t2 = clock.now
            checksum &+= first.cells.count
            updates.append(milliseconds(t0.duration(to: t1)))
            views.append(milliseconds(t1.duration(to: t2)))
        }
        let totals = zip(updates, views).map { $0 + $1 }
        print("frames \(frames) at \(width)x\(height), \(settings.count) points, \(settings.datasetName), \(settings.steps) steps")
        print("first frame (model + view): \(format(milliseconds(firstFrame))) ms")
        print("update (tick): mean \(format(mean(updates))) ms, median \(format(median(updates))) ms, max \(format(updates.max() ?? 0)) ms")
        print("view:          mean \(format(mean(views))) ms, median \(format(median(views))) ms, max \(format(views.max() ?? 0)) ms")
        print("frame total:   mean \(format(mean(totals))) ms, median \(format(median(totals))) ms -> \(format(1000 / max(mean(totals), 0.001))) frames/s")
        if checksum == 0 { print("empty frames") }
    }

    private func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }
    private func mean(_ values: [Double]) -> Double { values.reduce(0, +) / Double(max(1, values.count)) }
    private func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
    }
    private func format(_ value: Double) -> String { String(format: "%.2f", value) }
}
