extension Character {
    /// How many terminal columns this character occupies: 0 (combining or control), 1, or 2
    /// (East Asian wide and emoji).
    ///
    /// ```swift
    /// Character("a").terminalWidth   // 1
    /// Character("漢").terminalWidth  // 2
    /// ```
    public var terminalWidth: Int {
        guard let scalar = unicodeScalars.first else { return 0 }
        let v = scalar.value
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
        if unicodeScalars.count == 1 && scalar.properties.generalCategory.isCombining { return 0 }
        if scalar.properties.isEmojiPresentation { return 2 }
        switch v {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }
}

extension Unicode.GeneralCategory {
    var isCombining: Bool {
        switch self {
        case .nonspacingMark, .enclosingMark, .spacingMark, .format: return true
        default: return false
        }
    }
}

extension String {
    /// The number of terminal columns the string occupies.
    public var terminalWidth: Int { reduce(0) { $0 + $1.terminalWidth } }
}
