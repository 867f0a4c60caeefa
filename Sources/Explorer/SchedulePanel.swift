import Foundation
import Canvas
import ToyWorld

/// The schedule panel: alpha-bar (or log-SNR) against t as an area chart, the selected timesteps
/// marked under it and the current one highlighted.
enum SchedulePanel {
    /// What the panel plots.
    struct Content {
        var alphasCumprod: [Float]
        var timesteps: [Int]
        var current: Int?
    }

    static func content(_ model: ExplorerModel) -> Content? {
        switch model.mode {
        case .invert:
            guard let run = model.inversion, let scheduler = run.sampler?.scheduler else { return nil }
            return Content(alphasCumprod: scheduler.alphasCumprod, timesteps: scheduler.timesteps, current: run.currentTimestep)
        case .interpolate:
            guard let scheduler = model.interpolation?.sampler?.scheduler else { return nil }
            return Content(alphasCumprod: scheduler.alphasCumprod, timesteps: scheduler.timesteps, current: nil)
        default:
            let run = model.focusedRun
            guard let chain = run.chain else { return nil }
            return Content(alphasCumprod: chain.scheduler.alphasCumprod, timesteps: chain.timesteps,
                           current: run.isAtEnd ? nil : run.currentTimestep)
        }
    }

    /// The plotted value at level `alphaBar`.
    static func value(_ alphaBar: Float, curve: ScheduleCurve) -> Float {
        switch curve {
        case .alphaBar: return alphaBar
        case .logSNR: return log(max(alphaBar, 1e-12) / max(1 - alphaBar, 1e-12))
        }
    }

    static func draw(_ model: ExplorerModel, in rect: Rect, depth: ColorDepth, ascii: Bool, into frame: inout Frame) {
        let curve = model.options.curve
        let title = curve == .alphaBar ? "ᾱ_t vs t (y: log-SNR)" : "log-SNR vs t (y: ᾱ_t)"
        let inside = Panel(title: title, border: ascii ? .ascii : .rounded).draw(into: &frame, rect: rect)
        guard let content = content(model), content.alphasCumprod.count > 1 else { return }
        let trainSteps = content.alphasCumprod.count
        let samples = max(2, min(trainSteps, inside.width * 2))
        let points = (0..<samples).map { i -> SIMD2<Float> in
            let t = i * (trainSteps - 1) / (samples - 1)
            return SIMD2(Float(t), value(content.alphasCumprod[t], curve: curve))
        }
        let yRange: ClosedRange<Float>? = curve == .alphaBar ? 0...1 : nil
        let plot = LinePlot(series: [.init(points: points, color: RGBColor(90, 170, 255))],
                            xRange: 0...Float(trainSteps - 1), yRange: yRange,
                            markedX: content.timesteps.filter { $0 >= 0 }.map(Float.init),
                            highlightedX: content.current.map(Float.init), mode: ascii ? .ascii : .braille)
        plot.draw(into: &frame, rect: inside, depth: depth)
    }
}
