import Canvas
import ToyWorld

/// The step panel: one DDIM update written out with the live numbers of the step leaving the
/// state on screen.
enum StepPanel {
    /// The lines of the panel for the step leaving the state on screen, or an explanation.
    static func lines(_ model: ExplorerModel) -> (title: String, lines: [String]) {
        let settings: RunSettings, coefficients: StepCoefficients?, label: String
        switch model.mode {
        case .invert:
            guard let run = model.inversion, let t = run.currentTimestep else { return ("DDIM step", ["no run"]) }
            settings = run.settings
            if run.isEncoding {
                coefficients = try? run.inverse?.coefficients(timestep: t, eta: 0)
                label = "inversion \(run.cursor + 1)/\(run.stepsPerDirection)"
            } else {
                coefficients = try? run.sampler?.scheduler.coefficients(timestep: t, eta: 0)
                let step = min(run.cursor - run.stepsPerDirection + 1, run.stepsPerDirection)
                label = "decode \(step)/\(run.stepsPerDirection)"
            }
        case .interpolate:
            guard let run = model.interpolation else { return ("DDIM step", ["no run"]) }
            return ("slerp", [
                "x_T = sin((1-α)θ)/sinθ·z1",
                "    + sin(αθ)/sinθ·z2",
                "α = \(Text.number(run.alpha, 2)) (seeds \(run.settings.seed), \(run.settings.seed &+ 1))",
                "each x_T decoded by DDIM",
                "eta 0, \(run.settings.steps) steps",
            ])
        default:
            let run = model.focusedRun
            guard let chain = run.chain, let t = run.currentTimestep else {
                return ("DDIM step", [run.error ?? "no run"])
            }
            settings = run.settings
            coefficients = try? chain.scheduler.coefficients(timestep: t, eta: settings.eta)
            label = run.isAtEnd ? "last step \(run.totalSteps)/\(run.totalSteps)" : "step \(run.cursor + 1)/\(run.totalSteps)"
        }
        guard let c = coefficients else { return ("DDIM \(label)", ["coefficients unavailable"]) }
        return ("DDIM \(label)", describe(c, settings: settings))
    }

    /// The update written out with numbers.
    static func describe(_ c: StepCoefficients, settings: RunSettings) -> [String] {
        let n = { (v: Float) in Text.small(v, 4) }
        let a = c.alphaProduct
        let sqrtA = a.squareRoot(), sqrtB = (1 - a).squareRoot()
        let x0: String
        switch settings.configuration.predictionType {
        case .epsilon: x0 = "x̂0=(x_t-\(n(sqrtB))ε̂)/\(n(sqrtA))"
        case .sample: x0 = "x̂0 = model output"
        case .vPrediction: x0 = "x̂0=\(n(sqrtA))x_t-\(n(sqrtB))v̂"
        }
        let eta = settings.configuration.varianceKind == .largeSigmaHat ? "σ̂" : Text.number(settings.eta, 1)
        let clip = settings.configuration.clipSample ? " clip ±\(Text.number(settings.configuration.clipSampleRange, 1))"
            : (settings.configuration.thresholding ? " thresholded" : "")
        let last = c.previousTimestep < 0 ? "end" : "\(c.previousTimestep)"
        return [
            "t \(c.timestep) → \(last)\(clip)",
            "ᾱ_t \(n(a))  ᾱ_prev \(n(c.alphaProductPrevious))",
            "σ_t \(n(c.sigma))  eta \(eta)",
            x0,
            "x_prev = \(n(c.x0Coefficient))·x̂0",
            "       + \(n(c.epsilonCoefficient))·ε̂",
            "       + \(n(c.noiseCoefficient))·z",
        ]
    }

    static func draw(_ model: ExplorerModel, in rect: Rect, ascii: Bool, into frame: inout Frame) {
        let content = lines(model)
        let inside = Panel(title: content.title, border: ascii ? .ascii : .rounded).draw(into: &frame, rect: rect)
        for (row, line) in content.lines.prefix(inside.height).enumerated() {
            frame.put(Text.fit(line, inside.width), x: inside.x, y: inside.y + row)
        }
    }
}
