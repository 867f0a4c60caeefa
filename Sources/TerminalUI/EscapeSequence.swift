import Canvas

/// What the escape sequences terminals send for keys and clicks mean. Pure; ``KeyDecoder``
/// finds the sequences in the byte stream and asks here.
///
/// Keys are recognised in every common encoding at once (xterm, VT220, rxvt, the Linux console,
/// tmux and screen), whatever `TERM` claims, with modifiers dropped (`ESC [ 1 ; 5 A`, Ctrl-Up, is
/// Up). Anything else means nothing.
///
/// ```swift
/// var control = EscapeSequence.Control()
/// for byte in Array("4".utf8) { control.append(byte) }
/// EscapeSequence.meaning(of: control, final: UInt8(ascii: "~"))   // .key(.end)
/// ```
public enum EscapeSequence {
    /// The parameter and intermediate bytes of a control sequence (`ESC [` … final byte).
    public struct Control: Sendable, Equatable {
        /// Parameter bytes (`0`-`9`, `;`, `:`, `<`-`?`), at most ``maximumParameterBytes``.
        public private(set) var parameters: [UInt8] = []
        /// Intermediate bytes (space to `/`) seen.
        public private(set) var intermediates = 0
        /// More parameter bytes came than are kept, or parameters came after an intermediate.
        public private(set) var isMalformed = false

        /// Longer parameter strings are kept short; such sequences mean nothing anyway.
        public static let maximumParameterBytes = 32

        public init() {}

        /// Adds a parameter (0x30-0x3F) or intermediate (0x20-0x2F) byte.
        public mutating func append(_ byte: UInt8) {
            if byte < 0x30 {
                intermediates += 1
            } else if intermediates > 0 || parameters.count >= Self.maximumParameterBytes {
                isMalformed = true
            } else {
                parameters.append(byte)
            }
        }

        /// The numeric parameters (`1;5` is `[1, 5]`; an empty one is 0), or nil when a private
        /// marker (`<`, `=`, `>`, `?`) or sub-parameters make them something else.
        var numbers: [Int]? {
            guard !parameters.contains(where: { $0 >= 0x3A && $0 != UInt8(ascii: ";") }) else { return nil }
            return parameters.split(separator: UInt8(ascii: ";"), omittingEmptySubsequences: false).map { digits in
                digits.reduce(0) { min(9_999, $0 * 10 + Int($1 - 0x30)) }
            }
        }
    }

    /// What a complete control sequence asks for.
    public enum Meaning: Sendable, Equatable {
        case key(Key)
        /// A press of the first mouse button at a cell (0-based column and row).
        case click(x: Int, y: Int)
        /// `ESC [ 200 ~`: bracketed paste starts; its text is skipped up to ``pasteEnd``.
        case pasteStart
        /// Known or not, nothing for the explorer: consumed without effect.
        case nothing
    }

    /// The end of a bracketed paste.
    public static let pasteEnd = Array("\u{1B}[201~".utf8)

    /// The meaning of `ESC [ <control> <final>`.
    public static func meaning(of control: Control, final: UInt8) -> Meaning {
        guard !control.isMalformed, control.intermediates == 0 else { return .nothing }
        if control.parameters.first == UInt8(ascii: "<") {
            return sgrClick(parameters: control.parameters.dropFirst(), final: final)
        }
        guard let numbers = control.numbers else { return .nothing }
        if final == UInt8(ascii: "~") {
            if numbers.first == 200 { return .pasteStart }
            return tildeKey(numbers.first ?? 0).map(Meaning.key) ?? .nothing
        }
        // Letter finals are keys only with no parameters or as "1;modifiers" (xterm's modified keys).
        guard numbers.count <= 1 && (numbers.first ?? 1) <= 1 || numbers.count == 2 && numbers[0] == 1 else { return .nothing }
        switch final {
        case UInt8(ascii: "Z"): return control.parameters.isEmpty ? .key(.backTab) : .nothing
        case UInt8(ascii: "P"), UInt8(ascii: "Q"), UInt8(ascii: "R"), UInt8(ascii: "S"):
            // Plain CSI P/Q/R/S are not keys; with modifiers they are xterm's modified F1-F4.
            return numbers.count == 2 ? .key(.function(Int(final - UInt8(ascii: "P")) + 1)) : .nothing
        default: return letterKey(final).map(Meaning.key) ?? .nothing
        }
    }

    /// The key of `ESC O <final>` (SS3: application cursor keys and F1-F4).
    public static func ss3Key(final: UInt8) -> Key? {
        switch final {
        case UInt8(ascii: "P"), UInt8(ascii: "Q"), UInt8(ascii: "R"), UInt8(ascii: "S"):
            return .function(Int(final - UInt8(ascii: "P")) + 1)
        case UInt8(ascii: "M"): return .enter
        default: return letterKey(final)
        }
    }

    /// A click from an X10 report `ESC [ M b x y` (each value offset by 32, coordinates from 1):
    /// a press of the first button without motion or wheel bits.
    public static func x10Click(button: UInt32, x: UInt32, y: UInt32) -> (x: Int, y: Int)? {
        guard button >= 32, x >= 33, y >= 33 else { return nil }
        let code = button - 32
        guard code & 0b1100_0011 == 0, code & 32 == 0 else { return nil }
        return (Int(x) - 33, Int(y) - 33)
    }

    private static func sgrClick(parameters: ArraySlice<UInt8>, final: UInt8) -> Meaning {
        guard final == UInt8(ascii: "M") else { return .nothing }  // "m" is a release
        let fields = parameters.split(separator: UInt8(ascii: ";"), omittingEmptySubsequences: false)
        guard fields.count == 3, fields.allSatisfy({ !$0.isEmpty && $0.allSatisfy { (0x30...0x39).contains($0) } }) else { return .nothing }
        let values = fields.map { $0.reduce(0) { min(99_999, $0 * 10 + Int($1 - 0x30)) } }
        // Button 1 with any of shift, meta, control (4, 8, 16); not motion (32) or wheel (64).
        guard values[0] & 0b1100_0011 == 0, values[0] & 32 == 0, values[1] >= 1, values[2] >= 1 else { return .nothing }
        return .click(x: values[1] - 1, y: values[2] - 1)
    }

    private static func letterKey(_ final: UInt8) -> Key? {
        switch final {
        case UInt8(ascii: "A"): return .up
        case UInt8(ascii: "B"): return .down
        case UInt8(ascii: "C"): return .right
        case UInt8(ascii: "D"): return .left
        case UInt8(ascii: "H"): return .home
        case UInt8(ascii: "F"): return .end
        default: return nil
        }
    }

    /// VT220-style `ESC [ n ~` keys.
    private static func tildeKey(_ number: Int) -> Key? {
        switch number {
        case 1, 7: return .home
        case 4, 8: return .end
        case 3: return .delete
        case 5: return .pageUp
        case 6: return .pageDown
        case 11...15: return .function(number - 10)
        case 17...21: return .function(number - 11)
        case 23, 24: return .function(number - 12)
        default: return nil
        }
    }
}
