extension String {
    /// The longest prefix that fits in `width` columns; when something had to go, the end is
    /// replaced by `ellipsis` (which must itself fit).
    ///
    /// ```swift
    /// "denoising".truncated(toWidth: 6)   // "denoi…"
    /// "漢字漢字".truncated(toWidth: 5)       // "漢字…"
    /// ```
    public func truncated(toWidth width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if terminalWidth <= width { return self }
        let room = width - ellipsis.terminalWidth
        guard room >= 0 else { return "" }
        var result = "", used = 0
        for character in self {
            let w = character.terminalWidth
            if used + w > room { break }
            result.append(character)
            used += w
        }
        return result + ellipsis
    }

    /// The string padded with spaces to `width` columns, placed by `alignment` (longer strings are truncated).
    public func padded(toWidth width: Int, alignment: TextAlignment = .left) -> String {
        let text = truncated(toWidth: width)
        let spare = max(0, width - text.terminalWidth)
        switch alignment {
        case .left: return text + String(repeating: " ", count: spare)
        case .right: return String(repeating: " ", count: spare) + text
        case .center:
            let left = spare / 2
            return String(repeating: " ", count: left) + text + String(repeating: " ", count: spare - left)
        }
    }
}

/// Where text sits in the space it is given.
public enum TextAlignment: String, CaseIterable, Sendable {
    case left, center, right
}
