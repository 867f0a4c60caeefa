import Canvas
import CCurses

/// Turns what `get_wch` returns into ``Key`` values. Pure, so the table is testable without a terminal.
///
/// ```swift
/// KeyDecoder.key(character: 3)              // .control("c")  (Ctrl-C in raw mode)
/// KeyDecoder.key(keyCode: KEY_UP)           // .up
/// KeyDecoder.key(extendedKeyName: "kRIT5")  // .right  (Ctrl-Right in xterm)
/// ```
public enum KeyDecoder {
    /// A character code (`get_wch` returned `OK`).
    public static func key(character value: UInt32) -> Key? {
        switch value {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 0: return .control(" ")
        case 1...26:
            return Unicode.Scalar(value + 96).map { .control(Character($0)) }
        case 28: return .control("\\")
        case 29: return .control("]")
        case 30: return .control("^")
        case 31: return .control("_")
        case 0x80..<0xA0: return nil
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .character(Character(scalar))
        }
    }

    /// A function-key code (`get_wch` returned `KEY_CODE_YES`), other than resize and mouse.
    public static func key(keyCode code: Int32) -> Key? {
        switch code {
        case KEY_UP, KEY_SR: return .up
        case KEY_DOWN, KEY_SF: return .down
        case KEY_LEFT, KEY_SLEFT: return .left
        case KEY_RIGHT, KEY_SRIGHT: return .right
        case KEY_HOME, KEY_A1, KEY_SHOME, KEY_BEG: return .home
        case KEY_END, KEY_C1, KEY_SEND: return .end
        case KEY_PPAGE, KEY_A3, KEY_SPREVIOUS: return .pageUp
        case KEY_NPAGE, KEY_C3, KEY_SNEXT: return .pageDown
        case KEY_ENTER: return .enter
        case KEY_BTAB: return .backTab
        case KEY_BACKSPACE: return .backspace
        case KEY_DC, KEY_SDC: return .delete
        default:
            let first = ccurses_key_f(1)
            if code >= first && code < first + 63 { return .function(Int(code - first + 1)) }
            return nil
        }
    }

    /// A key beyond `KEY_MAX` that ncurses names from the terminfo extensions, such as
    /// `kUP5` (Ctrl-Up) or `kLFT3` (Alt-Left): the base key, with the modifier dropped.
    public static func key(extendedKeyName name: String) -> Key? {
        let bases: [(String, Key)] = [
            ("kUP", .up), ("kDN", .down), ("kLFT", .left), ("kRIT", .right), ("kHOM", .home), ("kEND", .end),
            ("kPRV", .pageUp), ("kNXT", .pageDown), ("kDC", .delete),
        ]
        for (prefix, key) in bases where name.hasPrefix(prefix) {
            let modifier = name.dropFirst(prefix.count)
            if modifier.allSatisfy(\.isNumber) { return key }
        }
        return nil
    }
}
