import Canvas
import DDIM

/// Rasterizing a point cloud into a `width` x `height` cell frame with density colours
/// (braille, truecolor), reusing the renderer and the frame as a running program does
/// (issue 4's budget: 100,000 points into 200x60 under 2 ms on one core).
///
/// ```swift
/// let rows = CanvasBenchmarks(points: 100_000).run(timer: timer)
/// ```
struct CanvasBenchmarks {
    var points: Int
    var width = 200
    var height = 60
    var showTargets = true

    func run(timer: BenchTimer) -> [BenchRow] {
        var generator = PhiloxGenerator(seed: 2024, stream: 77)
        let cloud = SampleBatch.randomNormal(count: points, dimension: 2, using: &generator)
        var frame = Frame(width: width, height: height)
        var renderer = PointCloudRenderer()
        let style = PointCloudStyle(mode: .braille, depth: .trueColor, showDensity: true)
        let viewport = Viewport(halfExtent: 3.5)
        let timing = timer.measure {
            frame.clear()
            let summary = renderer.draw(cloud, into: &frame, rect: frame.bounds, viewport: viewport, style: style)
            return Float(summary.litCells)
        }
        return [
            BenchRow(group: "canvas", name: "rasterize into \(width)x\(height) cells, density colours (braille)",
                     size: points, timing: timing, target: showTargets ? "< 2 ms" : nil)
        ]
    }
}
