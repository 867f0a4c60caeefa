import Canvas

/// Which points the cloud shows.
public enum CloudLayer: String, CaseIterable, Sendable {
    /// The chain's current state x_t.
    case noisy = "x_t"
    /// The x0 the model predicts at the current step.
    case predicted = "x0"
    /// Both, x_t over a faint predicted x0.
    case both = "x_t+x0"
}

/// What the schedule panel plots against t.
public enum ScheduleCurve: String, CaseIterable, Sendable {
    case alphaBar = "alpha-bar"
    case logSNR = "log-SNR"
}

/// The explorer's screen modes.
public enum ExplorerMode: String, CaseIterable, Sendable {
    /// One chain.
    case single
    /// Two chains from the same noise with different settings, side by side.
    case compare
    /// Data to noise by DDIM inversion, and back.
    case invert
    /// Slerp between the noise of two seeds, each decoded by DDIM.
    case interpolate
    /// A guided tour: preset settings with explanations.
    case lesson
}

/// Display toggles that do not change the run.
///
/// ```swift
/// var options = ViewOptions()
/// options.layer = .both
/// ```
public struct ViewOptions: Sendable, Hashable {
    public var layer: CloudLayer = .noisy
    /// The data itself as a faint background layer.
    public var showsData = true
    /// Trails of the tracked points through the chain.
    public var showsTrails = true
    /// Arrows from x_t to its predicted x0 for the tracked points.
    public var showsArrows = false
    /// The glyph mode chosen with `m`; nil uses the terminal's best.
    public var glyphs: GlyphMode?
    public var colorEnabled = true
    public var curve: ScheduleCurve = .alphaBar

    public init() {}
}
