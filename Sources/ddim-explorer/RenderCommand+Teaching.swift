import Canvas
import Foundation
import SlideExport
import ToyWorld

/// `render --forward T` and `render --field KIND`: the forward process and the model's field.
extension RenderCommand {
    /// The `--field` kind, checked.
    func checkedField() throws -> VectorField.Kind? {
        guard let field else { return nil }
        guard let kind = VectorField.Kind(rawValue: field) else {
            throw CommandError.invalid("--field", field, allowed: VectorField.Kind.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return kind
    }

    /// Prints the data noised to `level` (and writes its animation when asked).
    func renderForward(level: Int, settings: RunSettings, request: RenderRequest, fieldKind: VectorField.Kind?,
                       animationFormat: AnimationOptions.Format?) throws {
        if step != nil { throw CommandError("--step shows a sampling run; with --forward the level is T itself") }
        let process = try ForwardProcess(settings: settings)
        guard process.levels.contains(level) else {
            throw CommandError.invalid("--forward", "\(level)", allowed: "a level in 0 ... \(process.levels.upperBound - 1)")
        }
        let noisy = try process.noised(at: level)
        let path = try process.reversePath(from: level)
        let back = path[path.count - 1]
        let reference = settings.makeDataset().sample(count: min(settings.count, 4000), seed: settings.seed &+ 1)
        let viewport: Viewport
        switch request.view {
        case .fixed: viewport = Viewport.fitting([process.data, noisy])
        case .data: viewport = Viewport.fitting(reference, margin: 0.08)
        case .points: viewport = Viewport.fitting(noisy)
        }
        var markers = MarkerLayer()
        let rows = RenderScene.followedRows(count: settings.count, follow: request.follow)
        for (n, row) in rows.enumerated() {
            let color = MarkerLayer.trackColors[n % MarkerLayer.trackColors.count]
            let start = SIMD2(process.data[row, 0], process.data[row, 1]), end = SIMD2(noisy[row, 0], noisy[row, 1])
            markers.arrows.append(.init(from: start, to: end, color: color))
            markers.points.append(.init(position: end, color: color))
        }
        let ascii = request.style.mode == .ascii
        let separator = ascii ? " - " : " · "
        let (scale, deviation) = process.distribution(at: level)
        let alpha = process.alphaProduct(at: level)
        let title = [settings.datasetName, "forward t=\(level)", (ascii ? "alpha-bar=" : "ᾱ=") + Self.short(alpha),
                     "x_t=\(Self.short(scale))·x0+\(Self.short(deviation))·ε"].joined(separator: separator)
        var caption = "DDIM back in \(path.count - 1) steps: RMS to own x0 "
            + String(format: "%.3f (noised: %.3f)", ForwardProcess.rootMeanSquareDistance(back, process.data),
                     ForwardProcess.rootMeanSquareDistance(noisy, process.data))
        if let fieldKind {
            let arrows = try FieldArrows(settings: settings, kind: fieldKind, timestep: level, viewport: viewport,
                                         width: request.width, height: request.height)
            markers.arrows = arrows.arrows + markers.arrows
            caption += separator + arrows.caption
        }
        let picture = CloudPicture(points: noisy, viewport: viewport, title: title, background: request.plain ? nil : reference,
                                   markers: markers, caption: caption)
        let frame = picture.render(width: request.width, height: request.height, style: request.style)
        try writeToStandardOutput((request.plain ? frame.plainText : frame.ansiText(depth: request.style.depth)) + "\n")
        if let animationFormat {
            let frames = max(2, min(settings.steps + 1, 101))
            let noising = try process.noisingStates(upTo: level, frames: frames)
            let states = noising.states + path.dropFirst()
            let backLevels = process.reverseTimesteps(from: level)
            let labels = noising.levels.map { "\(settings.datasetName)  forward t=\($0)  abar=\(Self.short(process.alphaProduct(at: $0)))" }
                + backLevels.indices.map { index in
                    index + 1 < backLevels.count ? "\(settings.datasetName)  DDIM back t=\(backLevels[index + 1])"
                        : "\(settings.datasetName)  DDIM back: done" }
            let all = Viewport.fitting(states.map { $0 })
            try animation.write(animationFormat, states: states, labels: labels, viewport: all, data: reference, followedRows: rows)
        }
    }

    /// Three significant digits, or scientific notation below 1e-3 ("5.9e-5").
    static func short(_ value: Float) -> String {
        value != 0 && abs(value) < 1e-3 ? String(format: "%.1e", Double(value)).replacingOccurrences(of: "e-0", with: "e-")
            : String(format: "%.3g", Double(value))
    }
}

extension RenderScene {
    /// Adds the field's arrows under the followed points' markers, and its caption first in the status line.
    mutating func add(_ field: FieldArrows) {
        picture.markers.arrows = field.arrows + picture.markers.arrows
        picture.caption = [field.caption, picture.caption].compactMap { $0 }.joined(separator: " · ")
    }
}
