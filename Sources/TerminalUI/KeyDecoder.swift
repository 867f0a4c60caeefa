import Canvas

/// Turns the bytes a terminal sends into ``InputEvent`` values, whatever `TERM` says.
///
/// A state machine over raw input bytes: UTF-8 text, control characters, and every escape
/// sequence a terminal (or a terminal multiplexer) may send. Sequences it knows become keys or
/// clicks (see ``EscapeSequence``); all others are consumed whole, so none of their bytes act as
/// keys: CSI with any parameters and intermediates (`ESC [ 12 q`), SS3 (`ESC O x`), X10 mouse
/// reports (`ESC [ M b x y`, one byte or one UTF-8 character per value), SGR mouse reports
/// (`ESC [ < b ; x ; y M`), bracketed paste (`ESC [ 200 ~` … `ESC [ 201 ~`, its text skipped) and
/// OSC, DCS, SOS, PM and APC strings (up to BEL or `ESC \`).
///
/// A lone Esc is only known to be a key when no byte follows it soon: the reader calls
/// ``timeOut(into:)`` after ``quietMilliseconds`` without input, which also drops any sequence cut
/// short, so a key typed next is never swallowed. Esc followed by a byte that starts no sequence
/// (Alt-q) is Esc, then that key: `q` is never lost.
///
/// ```swift
/// var decoder = KeyDecoder()
/// var events: [InputEvent] = []
/// for byte in Array("\u{1B}[12qe\u{1B}[4~".utf8) { decoder.feed(byte, into: &events) }
/// // events == [.key(.character("e")), .key(.end)]
/// ```
public struct KeyDecoder: Sendable {
    private enum State: Sendable {
        case ground
        /// Inside a UTF-8 character: the bits so far and how many continuation bytes remain.
        case utf8(value: UInt32, remaining: Int)
        case escape
        case csi(EscapeSequence.Control)
        case ss3(parameters: [UInt8])
        /// An X10 mouse report: the values read so far, and a UTF-8 lead byte waiting for its continuation.
        case x10Mouse(values: [UInt32], lead: UInt8?)
        /// An OSC, DCS, SOS, PM or APC string; `afterEscape` when the last byte was ESC.
        case string(afterEscape: Bool)
        /// Bracketed paste: how much of `ESC [ 201 ~` has been matched.
        case paste(matched: Int)
    }

    private var state = State.ground

    public init() {}

    /// How long the reader should wait for more bytes before calling ``timeOut(into:)``: nil when
    /// no sequence is open, short after Esc or inside a sequence, longer inside a paste or string.
    public var quietMilliseconds: Int? {
        switch state {
        case .ground: return nil
        case .string, .paste: return 500
        default: return 25
        }
    }

    /// Decodes one byte, appending any completed events.
    public mutating func feed(_ byte: UInt8, into events: inout [InputEvent]) {
        switch state {
        case .ground:
            ground(byte, into: &events)
        case .utf8(let value, let remaining):
            guard byte & 0xC0 == 0x80 else {
                state = .ground
                ground(byte, into: &events)
                return
            }
            let next = value << 6 | UInt32(byte & 0x3F)
            if remaining > 1 {
                state = .utf8(value: next, remaining: remaining - 1)
            } else {
                state = .ground
                if let key = Self.key(character: next) { events.append(.key(key)) }
            }
        case .escape:
            afterEscape(byte, into: &events)
        case .csi(var control):
            if byte == 0x1B {
                state = .escape
            } else if byte == 0x18 || byte == 0x1A {
                state = .ground
            } else if byte < 0x20 || byte >= 0x7F {
                // Control characters inside a sequence are dropped; anything else aborts it.
                if byte >= 0x7F { state = .ground }
            } else if control.parameters.isEmpty && control.intermediates == 0 && byte == UInt8(ascii: "M") {
                state = .x10Mouse(values: [], lead: nil)
            } else if byte < 0x40 {
                control.append(byte)
                state = .csi(control)
            } else {
                state = .ground
                finish(control, final: byte, into: &events)
            }
        case .ss3(var parameters):
            if byte == 0x1B {
                state = .escape
            } else if (0x30..<0x40).contains(byte), parameters.count < 8 {
                parameters.append(byte)
                state = .ss3(parameters: parameters)
            } else {
                state = .ground
                if (0x40..<0x7F).contains(byte), let key = EscapeSequence.ss3Key(final: byte) { events.append(.key(key)) }
            }
        case .x10Mouse(let values, let lead):
            x10Mouse(byte, values: values, lead: lead, into: &events)
        case .string(let escaped):
            if byte == 0x07 || (escaped && byte == UInt8(ascii: "\\")) {
                state = .ground
            } else if escaped {
                state = .escape
                afterEscape(byte, into: &events)
            } else {
                state = .string(afterEscape: byte == 0x1B)
            }
        case .paste(let matched):
            let end = EscapeSequence.pasteEnd
            if byte == end[matched] {
                state = matched + 1 == end.count ? .ground : .paste(matched: matched + 1)
            } else {
                state = .paste(matched: byte == end[0] ? 1 : 0)
            }
        }
    }

    /// Decodes a run of bytes.
    public mutating func feed(_ bytes: some Sequence<UInt8>, into events: inout [InputEvent]) {
        for byte in bytes { feed(byte, into: &events) }
    }

    /// No byte came for ``quietMilliseconds``: a lone Esc is the Esc key; any other open sequence
    /// is dropped, so that the next byte starts afresh.
    public mutating func timeOut(into events: inout [InputEvent]) {
        if case .escape = state { events.append(.key(.escape)) }
        state = .ground
    }

    private mutating func ground(_ byte: UInt8, into events: inout [InputEvent]) {
        switch byte {
        case 0x1B:
            state = .escape
        case 0..<0x80:
            if let key = Self.key(character: UInt32(byte)) { events.append(.key(key)) }
        case 0xC2...0xDF:
            state = .utf8(value: UInt32(byte & 0x1F), remaining: 1)
        case 0xE0...0xEF:
            state = .utf8(value: UInt32(byte & 0x0F), remaining: 2)
        case 0xF0...0xF4:
            state = .utf8(value: UInt32(byte & 0x07), remaining: 3)
        default:
            break  // a stray continuation byte or an invalid lead byte
        }
    }

    private mutating func afterEscape(_ byte: UInt8, into events: inout [InputEvent]) {
        switch byte {
        case UInt8(ascii: "["):
            state = .csi(EscapeSequence.Control())
        case UInt8(ascii: "O"):
            state = .ss3(parameters: [])
        case UInt8(ascii: "]"), UInt8(ascii: "P"), UInt8(ascii: "X"), UInt8(ascii: "^"), UInt8(ascii: "_"):
            state = .string(afterEscape: false)
        case 0x1B:
            events.append(.key(.escape))
            state = .escape
        default:
            events.append(.key(.escape))
            state = .ground
            ground(byte, into: &events)
        }
    }

    private mutating func finish(_ control: EscapeSequence.Control, final: UInt8, into events: inout [InputEvent]) {
        switch EscapeSequence.meaning(of: control, final: final) {
        case .key(let key): events.append(.key(key))
        case .click(let x, let y): events.append(.mouse(x: x, y: y))
        case .pasteStart: state = .paste(matched: 0)
        case .nothing: break
        }
    }

    private mutating func x10Mouse(_ byte: UInt8, values: [UInt32], lead: UInt8?, into events: inout [InputEvent]) {
        var values = values
        if let lead {
            // The terminal sent the value as a UTF-8 character (mode 1005) when a continuation
            // byte follows the lead; otherwise the lead was a plain one-byte value.
            if byte & 0xC0 == 0x80 {
                values.append(UInt32(lead & 0x1F) << 6 | UInt32(byte & 0x3F))
            } else {
                values.append(UInt32(lead))
                values.append(UInt32(byte))
            }
        } else if (0xC2...0xDF).contains(byte) && values.count < 3 {
            state = .x10Mouse(values: values, lead: byte)
            return
        } else {
            values.append(UInt32(byte))
        }
        guard values.count >= 3 else {
            state = .x10Mouse(values: values, lead: nil)
            return
        }
        state = .ground
        if let click = EscapeSequence.x10Click(button: values[0], x: values[1], y: values[2]) {
            events.append(.mouse(x: click.x, y: click.y))
        }
        // A value that turned out to be a lone lead byte pushed one real byte past the report.
        if values.count > 3 { feed(UInt8(truncatingIfNeeded: values[3]), into: &events) }
    }

    /// The key a character code stands for in raw mode (control characters included).
    ///
    /// ```swift
    /// KeyDecoder.key(character: 3)     // .control("c")  (Ctrl-C in raw mode)
    /// KeyDecoder.key(character: 0x71)  // .character("q")
    /// ```
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
}
