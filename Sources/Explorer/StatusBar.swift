import Canvas
import ToyWorld

/// The text of the title row and the two status rows. The format is stable: end-to-end tests
/// look for `eta=0.1`, `steps=50` and the like.
///
/// ```text
///  ddim-explorer  two-moons n=2000 seed=0  single  step 12/50 t=741  ▶ 30/s
/// eta=0.0 steps=50 linear leading clip=off thresh=off epsilon alpha1=on zsnr=off
/// view=x_t data=on trails=on glyphs=braille color=on                     ? help
/// ```
enum StatusBar {
    /// The sampler settings, every one, long forms when they fit in `width`.
    static func settingsLine(_ settings: RunSettings, width: Int) -> String {
        let c = settings.configuration
        let eta = c.varianceKind == .largeSigmaHat ? "eta=σ̂" : "eta=\(Text.number(settings.eta, 1))"
        let clip = c.clipSample ? "clip=±\(Text.number(c.clipSampleRange, 1))" : "clip=off"
        let long = [eta, "steps=\(settings.steps)", c.betaSchedule.rawValue, c.timestepSpacing.rawValue, clip,
                    "thresh=\(c.thresholding ? "on" : "off")", c.predictionType.rawValue,
                    "alpha1=\(c.setAlphaToOne ? "on" : "off")", "zsnr=\(c.rescaleBetasZeroSnr ? "on" : "off")"]
        let line = long.joined(separator: " ")
        if line.terminalWidth <= width { return line }
        let short = [eta, "steps=\(settings.steps)", shortName(c.betaSchedule), c.timestepSpacing.rawValue, clip,
                     "thresh=\(c.thresholding ? "on" : "off")", shortName(c.predictionType),
                     "alpha1=\(c.setAlphaToOne ? "on" : "off")", "zsnr=\(c.rescaleBetasZeroSnr ? "on" : "off")"]
        return short.joined(separator: " ")
    }

    /// The view toggles.
    static func viewLine(_ options: ViewOptions, glyphs: GlyphMode, colored: Bool) -> String {
        "view=\(options.layer.rawValue) data=\(options.showsData ? "on" : "off") trails=\(options.showsTrails ? "on" : "off") "
            + "glyphs=\(glyphs.rawValue) color=\(colored ? "on" : "off")"
    }

    /// The data, mode and playback position.
    static func titleLine(_ model: ExplorerModel) -> String {
        let s = model.settings
        let data = s.datasetName
        var parts = ["ddim-explorer", "\(data) n=\(s.count) seed=\(s.seed)", model.mode.rawValue]
        switch model.mode {
        case .invert:
            if let run = model.inversion {
                parts.append("\(run.isEncoding ? "encode" : "decode") \(run.cursor)/\(run.totalSteps)")
            }
        case .interpolate:
            if let run = model.interpolation { parts.append("alpha=\(Text.number(run.alpha, 2))") }
        default:
            let run = model.focusedRun
            var position = "step \(run.cursor)/\(run.totalSteps)"
            if let t = run.currentTimestep, !run.isAtEnd { position += " t=\(t)" }
            parts.append(position)
        }
        parts.append("\(model.isPlaying ? "▶" : "⏸") \(Text.number(Float(model.speed), 0))/s")
        return parts.joined(separator: "  ")
    }

    static func shortName(_ schedule: BetaSchedule) -> String {
        switch schedule {
        case .linear: return "linear"
        case .scaledLinear: return "scaled"
        case .squaredcosCapV2: return "cosine"
        }
    }

    static func shortName(_ prediction: PredictionType) -> String {
        switch prediction {
        case .epsilon: return "eps"
        case .sample: return "x0-pred"
        case .vPrediction: return "v-pred"
        }
    }

    /// Draws the title row and the two status rows.
    static func draw(_ model: ExplorerModel, layout: ExplorerLayout, glyphs: GlyphMode, colored: Bool, into frame: inout Frame) {
        let width = frame.width
        let bar = CellAttributes.reverse
        let title = layout.title
        frame.put(String(repeating: " ", count: width), x: 0, y: title.y, attributes: bar)
        frame.put(" " + Text.fit(titleLine(model), width - 2), x: 0, y: title.y, attributes: [.reverse, .bold])

        let settingsRow = layout.status.y, viewRow = layout.status.y + 1
        frame.put(Text.fit(settingsLine(model.settings, width: width), width), x: 0, y: settingsRow)
        let view = viewLine(model.options, glyphs: glyphs, colored: colored) + "  ? help"
        if let warning = model.warning {
            frame.put(Text.fit(warning, width), x: 0, y: viewRow, foreground: colored ? .palette(11) : nil, attributes: [.bold, .reverse])
        } else if let message = model.statusMessage {
            let room = width - view.terminalWidth - 2
            if room >= 20 {
                frame.put(Text.fit(message, room), x: 0, y: viewRow, attributes: .bold)
                frame.put(view, x: width - view.terminalWidth, y: viewRow, attributes: .dim)
            } else {
                frame.put(Text.fit(message, width), x: 0, y: viewRow, attributes: .bold)
            }
        } else {
            frame.put(Text.fit(view, width), x: 0, y: viewRow, attributes: .dim)
        }
    }
}
