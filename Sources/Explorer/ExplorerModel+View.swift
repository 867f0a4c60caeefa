import Canvas
import ToyWorld

extension ExplorerModel {
    /// The message shown instead of the screen when the terminal is too small.
    public static func tooSmallMessage(width: Int, height: Int) -> String {
        "Terminal too small: \(width)x\(height). Need at least \(ExplorerLayout.minimumWidth)x\(ExplorerLayout.minimumHeight)."
    }

    /// Draws the whole screen. Pure: the same model and size give the same frame.
    ///
    /// `depth` and `glyphs` are what the terminal supports; the model's colour and glyph toggles
    /// refine them.
    ///
    /// ```swift
    /// let frame = model.view(width: 80, height: 24, depth: .palette256, glyphs: .braille)
    /// print(frame.plainText)
    /// ```
    public func view(width: Int, height: Int, depth: ColorDepth, glyphs: GlyphMode) -> Frame {
        var frame = Frame(width: width, height: height)
        let layout = ExplorerLayout(width: width, height: height, model: self)
        if layout.isTooSmall {
            let lines = Text.wrap(ExplorerModel.tooSmallMessage(width: width, height: height) + " Press q to quit.", width: max(1, width))
            let top = max(0, (height - lines.count) / 2)
            for (row, line) in lines.enumerated() {
                frame.put(line, x: max(0, (width - line.terminalWidth) / 2), y: top + row, attributes: .bold)
            }
            return frame
        }
        let colored = options.colorEnabled && depth.hasColor
        let depth = colored ? depth : .monochrome
        let mode = glyphs == .ascii ? .ascii : (options.glyphs ?? glyphs)
        let ascii = mode == .ascii

        var cloud = CloudView()
        for (side, rect) in layout.clouds.enumerated() {
            cloud.draw(cloudContent(side: side), options: options, tracked: trackedPoints, rect: rect, mode: mode, depth: depth, into: &frame)
        }
        if let rect = layout.lesson { LessonPanel.draw(self, in: rect, ascii: ascii, into: &frame) }
        if let rect = layout.schedule { SchedulePanel.draw(self, in: rect, depth: depth, ascii: ascii, into: &frame) }
        if let rect = layout.step { StepPanel.draw(self, in: rect, ascii: ascii, into: &frame) }
        if let rect = layout.quality { QualityPanel.draw(self, in: rect, depth: depth, ascii: ascii, into: &frame) }
        StatusBar.draw(self, layout: layout, glyphs: mode, colored: colored, into: &frame)
        if showsHelp { HelpOverlay.draw(in: frame.bounds, ascii: ascii, into: &frame) }
        return frame
    }

    /// What the cloud of one side shows in the current mode.
    func cloudContent(side: Int) -> CloudView.Content {
        switch mode {
        case .invert:
            guard let run = inversion else { return .init(title: "invert", history: [], focused: true) }
            let phase = run.isEncoding ? "encoding data → noise" : "decoding noise → data"
            let title = "\(phase) \(run.cursor)/\(run.totalSteps)"
            return .init(title: title, data: run.original, noisy: run.current, predicted: nil,
                         history: Array(run.states.prefix(run.cursor + 1)), focused: true)
        case .interpolate:
            guard let run = interpolation else { return .init(title: "interpolate", history: [], focused: true) }
            let history = run.decoded.prefix(run.frame + 1).compactMap { $0 }
            return .init(title: "decoded slerp, alpha \(Text.number(run.alpha, 2))", data: runs.first?.data,
                         noisy: run.current, predicted: nil, history: history, focused: true)
        default:
            let run = runs[min(side, runs.count - 1)]
            let name = runs.count > 1 ? (side == 0 ? "left" : "right") : ""
            var title = runs.count > 1 ? "\(name): \(difference(side: side))" : options.layer.rawValue
            title += "  step \(run.cursor)/\(run.totalSteps)"
            let history = run.chain.map { Array($0.states.prefix(run.cursor + 1)) } ?? []
            return .init(title: title, data: run.data, noisy: run.current, predicted: run.currentPrediction,
                         history: history, focused: runs.count > 1 && side == focusedSide)
        }
    }

    /// The settings that set this side apart from the other, for the cloud's title.
    func difference(side: Int) -> String {
        guard runs.count > 1 else { return "" }
        let mine = runs[side].settings, other = runs[1 - side].settings
        var parts: [String] = []
        let myLine = StatusBar.settingsLine(mine, width: .max).split(separator: " ")
        let otherLine = StatusBar.settingsLine(other, width: .max).split(separator: " ")
        for (a, b) in zip(myLine, otherLine) where a != b { parts.append(String(a)) }
        return parts.isEmpty ? "same settings" : parts.joined(separator: " ")
    }
}
