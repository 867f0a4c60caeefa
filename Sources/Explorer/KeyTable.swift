import Canvas

/// One row of the key table: the keys, how the help shows them, and what they do.
public struct KeyBinding: Sendable, Hashable {
    /// Every key that triggers the action (the first is the one the help shows first).
    public var keys: [Key]
    /// The keys as the help overlay and the README print them, for example `"→ l"`.
    public var label: String
    public var action: ExplorerAction
    /// One line saying what the key does.
    public var summary: String
    /// The help section the binding belongs to.
    public var group: KeyGroup

    public init(_ keys: [Key], _ label: String, _ action: ExplorerAction, _ summary: String, _ group: KeyGroup) {
        self.keys = keys
        self.label = label
        self.action = action
        self.summary = summary
        self.group = group
    }
}

/// The sections of the help overlay.
public enum KeyGroup: String, CaseIterable, Sendable {
    case playback = "Playback"
    case sampler = "Sampler"
    case data = "Data"
    case view = "View"
    case modes = "Modes"
    case app = "App"
}

/// The explorer's keys, written once: the update function, the help overlay, the README and the
/// tests all read this table.
///
/// ```swift
/// KeyTable.action(for: .character("e"))   // .etaUp
/// ```
public enum KeyTable {
    /// Every binding, in help order.
    public static let bindings: [KeyBinding] = [
        KeyBinding([.character(" ")], "space", .togglePlay, "play / pause", .playback),
        KeyBinding([.right, .character("l")], "→ l", .stepForward, "one step forward", .playback),
        KeyBinding([.left, .character("h")], "← h", .stepBack, "one step back (exact)", .playback),
        KeyBinding([.home, .character("g")], "Home g", .jumpToStart, "jump to x_T (start)", .playback),
        KeyBinding([.end, .character("G")], "End G", .jumpToEnd, "run to the end", .playback),
        KeyBinding([.character("+"), .character("="), .up, .character("k")], "+ ↑ k", .speedUp, "faster playback", .playback),
        KeyBinding([.character("-"), .character("_"), .down, .character("j")], "- ↓ j", .speedDown, "slower playback", .playback),

        KeyBinding([.character("e")], "e", .etaUp, "eta up (0…1 by 0.1, then σ̂)", .sampler),
        KeyBinding([.character("E")], "E", .etaDown, "eta down", .sampler),
        KeyBinding([.character("s")], "s", .stepsUp, "more steps (1 2 5 10 … 1000)", .sampler),
        KeyBinding([.character("S")], "S", .stepsDown, "fewer steps", .sampler),
        KeyBinding([.character("b")], "b", .cycleSchedule, "cycle beta schedule", .sampler),
        KeyBinding([.character("t")], "t", .cycleSpacing, "cycle timestep spacing", .sampler),
        KeyBinding([.character("c")], "c", .toggleClipping, "toggle clip_sample", .sampler),
        KeyBinding([.character("]")], "]", .clipRangeUp, "wider clip range", .sampler),
        KeyBinding([.character("[")], "[", .clipRangeDown, "narrower clip range", .sampler),
        KeyBinding([.character("d")], "d", .toggleThresholding, "toggle dynamic thresholding", .sampler),
        KeyBinding([.character("p")], "p", .cyclePrediction, "cycle prediction type", .sampler),
        KeyBinding([.character("a")], "a", .toggleAlphaToOne, "toggle set_alpha_to_one", .sampler),
        KeyBinding([.character("z")], "z", .toggleZeroSNR, "toggle zero-SNR rescale", .sampler),

        KeyBinding([.character("n")], "n", .newSeed, "new seed (new x_T)", .data),
        KeyBinding([.character(">")], ">", .countUp, "more points", .data),
        KeyBinding([.character("<")], "<", .countDown, "fewer points", .data),
        KeyBinding([.character(".")], ".", .nextDataset, "next dataset", .data),
        KeyBinding([.character(",")], ",", .previousDataset, "previous dataset", .data),

        KeyBinding([.character("v")], "v", .cycleLayer, "show x_t / predicted x0 / both", .view),
        KeyBinding([.character("o")], "o", .toggleDataOverlay, "toggle data in background", .view),
        KeyBinding([.character("r")], "r", .toggleTrails, "toggle trails of tracked points", .view),
        KeyBinding([.character("x")], "x", .toggleArrows, "toggle arrows x_t → x0", .view),
        KeyBinding([.character("m")], "m", .cycleGlyphs, "cycle glyph mode", .view),
        KeyBinding([.character("C")], "C", .toggleColor, "colour on / off", .view),
        KeyBinding([.character("y")], "y", .cycleCurve, "schedule plot: ᾱ or log-SNR", .view),

        KeyBinding([.character("1")], "1", .modeSingle, "single run", .modes),
        KeyBinding([.character("2")], "2", .modeCompare, "compare two runs side by side", .modes),
        KeyBinding([.character("3")], "3", .modeInvert, "invert: data → noise → data", .modes),
        KeyBinding([.character("4")], "4", .modeInterpolate, "interpolate between two seeds", .modes),
        KeyBinding([.character("L")], "L", .toggleLessons, "lessons on / off", .modes),
        KeyBinding([.enter, .pageDown], "Enter PgDn", .lessonNext, "next lesson page", .modes),
        KeyBinding([.backspace, .pageUp], "Bksp PgUp", .lessonPrevious, "previous lesson page", .modes),
        KeyBinding([.tab, .backTab], "Tab", .switchFocus, "switch side (compare)", .modes),

        KeyBinding([.character("w")], "w", .saveConfiguration, "save scheduler_config.json", .app),
        KeyBinding([.character("?"), .function(1)], "? F1", .toggleHelp, "this help", .app),
        KeyBinding([.escape], "Esc", .dismiss, "close help / leave mode", .app),
        KeyBinding([.character("q"), .control("c")], "q ^C", .quit, "quit", .app),
    ]

    /// The action a key triggers, or nil when the key is unbound.
    public static func action(for key: Key) -> ExplorerAction? {
        lookup[key]
    }

    /// The binding of an action.
    public static func binding(for action: ExplorerAction) -> KeyBinding? {
        bindings.first { $0.action == action }
    }

    private static let lookup: [Key: ExplorerAction] = {
        var table: [Key: ExplorerAction] = [:]
        for binding in bindings {
            for key in binding.keys where table[key] == nil { table[key] = binding.action }
        }
        return table
    }()

    /// The table as markdown, for the README.
    public static var markdown: String {
        var lines = ["| Key | Action |", "| --- | --- |"]
        for group in KeyGroup.allCases {
            for binding in bindings where binding.group == group {
                lines.append("| `\(binding.label)` | \(binding.summary) |")
            }
        }
        return lines.joined(separator: "\n")
    }
}
