import Canvas
import Explorer
import ToyWorld

/// One explorer frame as the event loop produces it while playing: `update(.tick)` (one new
/// DDIM step with the exact denoiser and the live quality probe) followed by `view` of a
/// `width` x `height` terminal in braille and truecolor. When the 50-step run ends, the next
/// frame starts a new seed (as the `n` key does), so every frame computes a step. Also the
/// view alone. Issue 5's budget: at least 30 frames/s, i.e. under 33 ms a frame.
///
/// ```swift
/// let rows = try ExplorerBenchmarks(points: 10_000).run(timer: timer)
/// ```
struct ExplorerBenchmarks {
    var points: Int
    var width = 250
    var height = 70
    var showTargets = true

    func run(timer: BenchTimer) -> [BenchRow] {
        var model = ExplorerModel(settings: RunSettings(dataset: .eightGaussians, count: points))
        _ = model.update(.resize(width: width, height: height))
        model.perform(.togglePlay)
        let (width, height) = (self.width, self.height)
        let frameTiming = timer.measure {
            if !model.isPlaying {
                model.perform(.newSeed)
                if !model.isPlaying { model.perform(.togglePlay) }
            }
            _ = model.update(.tick)
            let frame = model.view(width: width, height: height, depth: .trueColor, glyphs: .braille)
            return Float(frame[width / 2, height / 2].text.unicodeScalars.first?.value ?? 0)
        }
        let paused = model
        let viewTiming = timer.measure {
            let frame = paused.view(width: width, height: height, depth: .trueColor, glyphs: .braille)
            return Float(frame[width / 2, height / 2].text.unicodeScalars.first?.value ?? 0)
        }
        return [
            BenchRow(group: "explorer", name: "explorer frame while playing: update(.tick) + view, \(width)x\(height)",
                     size: points, timing: frameTiming, target: showTargets ? "< 33 ms (30 frames/s)" : nil),
            BenchRow(group: "explorer", name: "explorer view only, \(width)x\(height)", size: points, timing: viewTiming),
        ]
    }
}
