import ArgumentParser
import Canvas
import DDIM
import Foundation
import ToyWorld

/// `ddim-explorer render`: one frame of a sampling run, printed instead of shown live.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Print one frame of a sampling run: the point cloud at a step, with trails and predicted-x0 arrows.",
        discussion: """
        Runs the chain to --step K (0 is the initial noise x_T, the step count S the samples; default S) and \
        prints the cloud in a titled box with a status line. Colour follows the terminal (NO_COLOR, COLORTERM, \
        TERM) unless --color says otherwise; --plain (or output that is not a terminal, with --color auto) \
        prints text without escape sequences, for documents and bug reports. In colour, the data is drawn \
        faintly underneath. A few points are followed: their trail through the chain so far, and an arrow \
        from where they are to the x0 the model predicts from there.

        Examples:
          ddim-explorer render --dataset two-moons --plain
          ddim-explorer render --dataset swiss-roll --step 10 --steps 50 --glyphs sextants --color 256
          ddim-explorer render --dataset letters --width 100 --height 30 --view points --svg letters.svg
          ddim-explorer render --dataset two-moons --steps 20 --animate moons.gif
          ddim-explorer render --dataset two-moons --forward 300 --plain
          ddim-explorer render --dataset two-moons --forward 999 --steps 20 --animate forward.gif
          ddim-explorer render --dataset eight-gaussians --step 10 --field denoised
        """
    )

    @Option(help: ArgumentHelp("Step to show: 0 (the noise x_T) ... the step count (the samples). Default: the last.", valueName: "K"))
    var step: Int?

    @Option(help: ArgumentHelp("Frame width in columns (>= 20). Default: the terminal's, else 80.", valueName: "columns"))
    var width: Int?

    @Option(help: ArgumentHelp("Frame height in rows (>= 6). Default: the terminal's less one, else 24.", valueName: "rows"))
    var height: Int?

    @Option(help: ArgumentHelp("Glyphs: \(GlyphMode.allCases.map(\.rawValue).joined(separator: ", ")). Default: braille.", valueName: "mode"))
    var glyphs: String = GlyphMode.braille.rawValue

    @Option(help: ArgumentHelp("Colours: auto, \(ColorDepth.allCases.map(\.rawValue).joined(separator: ", ")). Default: auto.", valueName: "depth"))
    var color: String = "auto"

    @Flag(help: "Plain text: no escape sequences, no faint data layer.")
    var plain = false

    @Option(help: ArgumentHelp("What the view covers: fixed (the data and the initial noise, the same at every step), data, or points (the points shown). Default: fixed.",
                               valueName: "view"))
    var view: String = RenderView.fixed.rawValue

    @Option(help: ArgumentHelp("How many points to follow with trails and arrows (0 ... 12). Default: 3, or 0 in plain text (where trails look like points).",
                               valueName: "n"))
    var follow: Int?

    @Option(help: ArgumentHelp("Also write the cloud, the data and the trails as an SVG picture to this file. An existing file is replaced only once the picture is complete; a symbolic link is followed; /dev/stdout and FIFOs are written directly.", valueName: "file"))
    var svg: String?

    @Option(help: ArgumentHelp("Show the forward process instead of a sampling run: the data noised to level T (0 ... T-1), q(x_t | x0) = N(sqrt(ᾱ_t) x0, (1 - ᾱ_t) I), arrows from followed points' x0 to their x_t, and how far DDIM (eta 0, --steps) brings them back. With --animate: the noising from x0 to T, then DDIM's way back.",
                               valueName: "T"))
    var forward: Int?

    @Option(help: ArgumentHelp("Draw the model's vector field at the shown timestep as arrows on a grid: denoised (x̂0 − x_t) or step (one DDIM update), scaled to the grid.",
                               valueName: "kind"))
    var field: String?

    @OptionGroup(title: "Animation")
    var animation: AnimationOptions

    @OptionGroup var nonFinite: NonFiniteOptions

    @OptionGroup var options: RunOptions

    func run() throws {
        try reportingErrors {
            let request = try RenderRequest(command: self)
            let animationFormat = try animation.checkedFormat()
            let settings = try options.settings()
            let fieldKind = try checkedField()
            if let forward {
                try renderForward(level: forward, settings: settings, request: request, fieldKind: fieldKind,
                                  animationFormat: animationFormat)
                return
            }
            try MemoryBudget.standard.check(
                "--count", value: settings.count, unit: "point",
                bytesPerUnit: MemoryBudget.bytesPerChainPoint(steps: settings.steps, keepsHistory: true, printedStates: 0))
            var chain = try SamplingChain(settings: settings)
            let steps = chain.timesteps.count
            let shown = step ?? steps
            guard (0...steps).contains(shown) else {
                throw CommandError.invalid("--step", "\(shown)", allowed: "0 ... \(steps) (the number of steps)")
            }
            while chain.stepIndex < shown {
                try chain.advance()
                if chain.hasNonFiniteValues && !nonFinite.allowNonfinite { throw NonFiniteResult(chain: chain) }
            }
            var scene = RenderScene(chain: chain, request: request)
            if let fieldKind {
                let timestep = chain.timesteps.isEmpty ? 0 : chain.timesteps[min(chain.stepIndex, chain.timesteps.count - 1)]
                scene.add(try FieldArrows(settings: settings, kind: fieldKind, timestep: timestep, viewport: scene.picture.viewport,
                                          width: request.width, height: request.height))
            }
            let frame = scene.picture.render(width: request.width, height: request.height, style: request.style)
            try writeToStandardOutput((request.plain ? frame.plainText : frame.ansiText(depth: request.style.depth)) + "\n")
            if let animationFormat {
                try chain.runToEnd()
                try animation.write(animationFormat, chain: chain, viewport: scene.picture.viewport, data: scene.reference,
                                    followedRows: RenderScene.followedRows(count: settings.count, follow: follow ?? 3))
            }
            if let svg {
                let text = SVGExport.cloud(scene.picture.points, viewport: scene.picture.viewport, markers: scene.picture.markers,
                                           background: scene.data, title: scene.picture.title)
                do {
                    try AtomicFile.write(text, to: svg)
                } catch {
                    throw CommandError("--svg: \(error)")
                }
            }
        }
    }
}

/// Which part of the plane `render` shows.
enum RenderView: String, CaseIterable {
    case fixed, data, points
}

/// The checked presentation flags of `render`.
struct RenderRequest {
    var width: Int
    var height: Int
    var style: PointCloudStyle
    var plain: Bool
    var view: RenderView
    var follow: Int

    init(command: RenderCommand) throws {
        guard let mode = GlyphMode(rawValue: command.glyphs) else {
            throw CommandError.invalid("--glyphs", command.glyphs, allowed: GlyphMode.allCases.map(\.rawValue).joined(separator: ", "))
        }
        guard let view = RenderView(rawValue: command.view) else {
            throw CommandError.invalid("--view", command.view, allowed: RenderView.allCases.map(\.rawValue).joined(separator: ", "))
        }
        if let follow = command.follow, !(0...12).contains(follow) {
            throw CommandError.invalid("--follow", "\(follow)", allowed: "0 ... 12")
        }
        let terminal = Self.terminalSize()
        width = command.width ?? terminal?.width ?? 80
        height = command.height ?? terminal.map { $0.height - 1 } ?? 24
        guard width >= 20 else { throw CommandError.invalid("--width", "\(width)", allowed: "an integer >= 20") }
        guard height >= 6 else { throw CommandError.invalid("--height", "\(height)", allowed: "an integer >= 6") }
        // A cell, its sub-cell canvas (up to 8 dots), its text and escape sequences.
        let bytesPerCell = 256
        try MemoryBudget.standard.check("--width", value: width, unit: "column of \(height) rows",
                                        bytesPerUnit: height.multipliedReportingOverflow(by: bytesPerCell).overflow
                                            ? Int.max : height * bytesPerCell)
        let toTerminal = isatty(STDOUT_FILENO) == 1
        let depth: ColorDepth
        if command.color == "auto" {
            depth = ColorDepth.detect(environment: ProcessInfo.processInfo.environment, colors: nil)
            plain = command.plain || !toTerminal
        } else if let chosen = ColorDepth(rawValue: command.color) {
            depth = chosen
            plain = command.plain
        } else {
            throw CommandError.invalid("--color", command.color, allowed: "auto, " + ColorDepth.allCases.map(\.rawValue).joined(separator: ", "))
        }
        style = PointCloudStyle(mode: mode, depth: plain ? .monochrome : depth)
        self.view = view
        follow = command.follow ?? (plain ? 0 : 3)
    }

    /// The size of the terminal on standard output, when it is one.
    static func terminalSize() -> (width: Int, height: Int)? {
        var size = winsize()
        guard isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0, size.ws_row > 0 else { return nil }
        return (Int(size.ws_col), Int(size.ws_row))
    }
}

/// What one `render` frame shows, built from a chain run to the step to show.
struct RenderScene {
    var picture: CloudPicture
    /// The data drawn underneath (nil in plain output, where it could not be told apart).
    var data: SampleBatch?
    /// A sample of the data (drawn underneath in colour output and in animations).
    var reference: SampleBatch

    init(chain: SamplingChain, request: RenderRequest) {
        let settings = chain.settings
        let k = chain.stepIndex, steps = chain.timesteps.count
        let points = chain.current
        reference = settings.makeDataset().sample(count: min(settings.count, 4000), seed: settings.seed &+ 1)
        let viewport: Viewport
        switch request.view {
        case .fixed: viewport = Viewport.fitting([reference, chain.states[0]])
        case .data: viewport = Viewport.fitting(reference, margin: 0.08)
        case .points: viewport = Viewport.fitting(points)
        }
        let ascii = request.style.mode == .ascii
        let predicted = k >= 1 && k < steps ? chain.predictedOriginals[k - 1] : nil
        let markers = MarkerLayer.tracking(rows: Self.followedRows(count: points.count, follow: request.follow),
                                           history: chain.states, shown: points,
                                           arrowsFrom: predicted == nil ? nil : points, arrowsTo: predicted)
        let separator = ascii ? " - " : " · "
        var title = [settings.datasetName, "step \(k)/\(steps)"]
        if k < steps {
            let t = chain.timesteps[k]
            title.append("t=\(t)")
            title.append((ascii ? "alpha-bar=" : "ᾱ=") + String(format: "%.3g", Double(chain.scheduler.alphaProduct(at: t))))
        } else {
            title.append("samples")
        }
        let configuration = settings.configuration
        let caption = ["eta " + String(format: "%g", Double(settings.eta)), "\(settings.count) points", "seed \(settings.seed)",
                       configuration.timestepSpacing.rawValue, configuration.predictionType.rawValue].joined(separator: separator)
        data = request.plain ? nil : reference
        picture = CloudPicture(points: points, viewport: viewport, title: title.joined(separator: separator), background: data,
                               markers: markers, caption: caption, progress: (steps == 0 ? 1 : Double(k) / Double(steps), "\(k)/\(steps)"))
    }

    /// `follow` rows spread evenly over the batch.
    static func followedRows(count: Int, follow: Int) -> [Int] {
        guard count > 0, follow > 0 else { return [] }
        return (0..<min(follow, count)).map { $0 * count / min(follow, count) + count / (2 * min(follow, count)) }
    }
}
