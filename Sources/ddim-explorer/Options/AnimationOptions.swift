import ArgumentParser
import Canvas
import Foundation
import SlideExport
import ToyWorld

/// `render --animate FILE`: the whole chain, x_T to the samples, as an animation for slides: an
/// animated GIF (giflib) or an animated SVG, chosen by the file's extension.
///
/// ```
/// ddim-explorer render --dataset two-moons --steps 20 --animate moons.gif
/// ddim-explorer render --dataset spiral --eta 1 --animate spiral.svg --fps 8 --hold 3
/// ```
struct AnimationOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Also write the whole chain (x_T ... the samples, one frame per step) as an animation: FILE.gif or FILE.svg. An existing file is replaced.",
                               valueName: "file"))
    var animate: String?

    @Option(help: ArgumentHelp("Frames per second of the animation (1 ... 50). Default: 10.", valueName: "n"))
    var fps: Int = 10

    @Option(help: ArgumentHelp("Seconds the last frame stays before the loop starts again (0 ... 60). Default: 2.", valueName: "seconds"))
    var hold: Double = 2

    @Option(help: ArgumentHelp("Width and height of the animation in pixels (64 ... 2048). Default: 480.", valueName: "pixels"))
    var imageSize: Int = 480

    /// The animation's format, from the file name.
    enum Format: String {
        case gif, svg
    }

    /// Checks the flags; nil when no animation was asked for.
    func checkedFormat() throws -> Format? {
        guard let animate else { return nil }
        guard let format = Format(rawValue: (animate as NSString).pathExtension.lowercased()) else {
            throw CommandError.invalid("--animate", animate, allowed: "a file name ending in .gif or .svg")
        }
        guard (1...50).contains(fps) else { throw CommandError.invalid("--fps", "\(fps)", allowed: "1 ... 50") }
        guard hold.isFinite, (0...60).contains(hold) else { throw CommandError.invalid("--hold", "\(hold)", allowed: "0 ... 60 seconds") }
        guard (64...2048).contains(imageSize) else { throw CommandError.invalid("--image-size", "\(imageSize)", allowed: "64 ... 2048") }
        return format
    }

    /// Writes the animation of `chain` (run to its end) showing `viewport`, with `data` underneath
    /// and `followedRows` traced.
    func write(_ format: Format, chain: SamplingChain, viewport: Viewport, data: SampleBatch?, followedRows: [Int]) throws {
        try write(format, states: chain.states, labels: Self.labels(chain), viewport: viewport, data: data, followedRows: followedRows)
    }

    /// Writes an animation of `states` (one frame each, with its label).
    func write(_ format: Format, states: [SampleBatch], labels: [String], viewport: Viewport, data: SampleBatch?,
               followedRows: [Int]) throws {
        guard let animate else { return }
        let animation = ChainAnimation(states: states, labels: labels, viewport: viewport, background: data,
                                       followedRows: followedRows, style: .init(width: imageSize, height: imageSize))
        let frameDelay = max(1, Int((100 / Double(fps)).rounded()))
        let finalDelay = max(frameDelay, Int((hold * 100).rounded()))
        let bytes: [UInt8]
        switch format {
        case .gif: bytes = try animation.gif(frameDelay: frameDelay, finalDelay: finalDelay).encoded()
        case .svg: bytes = Array(animation.svg(frameDelay: frameDelay, finalDelay: finalDelay).utf8)
        }
        do {
            try AtomicFile.write(bytes, to: animate)
        } catch {
            throw CommandError("--animate: \(error)")
        }
    }

    /// One label per state: dataset, step, timestep and eta.
    static func labels(_ chain: SamplingChain) -> [String] {
        let steps = chain.timesteps.count
        let eta = "eta " + String(format: "%g", Double(chain.settings.eta))
        return chain.states.indices.map { k in
            let position = k < steps ? "step \(k)/\(steps)  t=\(chain.timesteps[k])" : "samples (\(steps) steps)"
            return [chain.settings.datasetName, position, eta].joined(separator: "  ")
        }
    }
}
