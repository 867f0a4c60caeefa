import Canvas
import Testing
@testable import TerminalUI

/// Decodes `bytes` in one go, then times out (as the reader does after a quiet spell).
func decode(_ bytes: [UInt8]) -> [InputEvent] {
    var decoder = KeyDecoder()
    var events: [InputEvent] = []
    decoder.feed(bytes, into: &events)
    decoder.timeOut(into: &events)
    return events
}

func decode(_ text: String) -> [InputEvent] { decode(Array(text.utf8)) }

@Suite struct KeyDecoderTests {
    @Test(arguments: [
        (UInt32(3), Key.control("c")), (1, .control("a")), (26, .control("z")), (17, .control("q")),
        (9, .tab), (10, .enter), (13, .enter), (27, .escape), (127, .backspace), (8, .backspace),
        (0, .control(" ")), (28, .control("\\")),
        (32, .character(" ")), (113, .character("q")), (63, .character("?")), (0xE9, .character("é")),
        (0x3B7, .character("η")), (0x2800, .character("⠀")),
    ])
    func characterCodes(value: UInt32, expected: Key) {
        #expect(KeyDecoder.key(character: value) == expected)
    }

    @Test func invalidAndC1ControlCharactersAreDropped() {
        #expect(KeyDecoder.key(character: 0x85) == nil)
        #expect(KeyDecoder.key(character: 0xD800) == nil)
    }

    @Test func textAndUTF8BecomeCharacters() {
        #expect(decode("eé η⣿q") == "eé η⣿q".map { .key(.character($0)) })
        #expect(decode([0x80, 0xFF, UInt8(ascii: "q")]) == [.key(.character("q"))], "stray and invalid bytes are dropped")
        #expect(decode([0xC3, UInt8(ascii: "q")]) == [.key(.character("q"))], "a cut UTF-8 character does not eat the next key")
    }

    @Test(arguments: [
        // CSI and SS3 cursor keys, plain and with xterm modifiers (dropped).
        ("\u{1B}[A", Key.up), ("\u{1B}[B", .down), ("\u{1B}[C", .right), ("\u{1B}[D", .left),
        ("\u{1B}OA", .up), ("\u{1B}OD", .left), ("\u{1B}[1;5A", .up), ("\u{1B}[1;3D", .left),
        ("\u{1B}[H", .home), ("\u{1B}[F", .end), ("\u{1B}OH", .home), ("\u{1B}OF", .end),
        // VT220 keys: tmux, screen, rxvt and the Linux console send these whatever TERM says.
        ("\u{1B}[1~", .home), ("\u{1B}[7~", .home), ("\u{1B}[4~", .end), ("\u{1B}[8~", .end),
        ("\u{1B}[3~", .delete), ("\u{1B}[5~", .pageUp), ("\u{1B}[6~", .pageDown), ("\u{1B}[5;5~", .pageUp),
        ("\u{1B}[Z", .backTab), ("\u{1B}OP", .function(1)), ("\u{1B}OS", .function(4)), ("\u{1B}[1;2P", .function(1)),
        ("\u{1B}[11~", .function(1)), ("\u{1B}[15~", .function(5)), ("\u{1B}[17~", .function(6)),
        ("\u{1B}[21~", .function(10)), ("\u{1B}[24~", .function(12)), ("\u{1B}OM", .enter),
    ])
    func knownSequencesBecomeKeys(sequence: String, expected: Key) {
        #expect(decode(sequence) == [.key(expected)], "\(Array(sequence.utf8))")
    }

    /// Sequences the explorer has no use for are consumed whole: not one of their bytes is a key.
    @Test(arguments: [
        "\u{1B}[12q", "\u{1B}[2~", "\u{1B}[99~", "\u{1B}[?1;2c", "\u{1B}[>0;95;0c", "\u{1B}[1 q", "\u{1B}[ q",
        "\u{1B}[1;2;3;4;5;6;7;8;9;10;11;12;13;14;15;16;17;18;19;20m", "\u{1B}[I", "\u{1B}[O",
        "\u{1B}[97;5u", "\u{1B}[2J", "\u{1B}[5A", "\u{1B}[P", "\u{1B}Oq", "\u{1B}O5x", "\u{1B}[4:3m",
        "\u{1B}]11;rgb:0000/0000/0000\u{07}", "\u{1B}]0;title q\u{1B}\\", "\u{1B}P1$r0m\u{1B}\\", "\u{1B}_apc q\u{1B}\\",
        "\u{1B}[200~hello q world\u{1B}[201~", "\u{1B}[200~\u{1B}[A\u{1B}[\u{1B}[201~",
        // Mouse: releases, motion, wheel and other buttons in SGR and X10 form.
        "\u{1B}[<0;10;5m", "\u{1B}[<2;10;5M", "\u{1B}[<64;10;5M", "\u{1B}[<35;10;5M", "\u{1B}[<0;10M",
        "\u{1B}[M#qq", "\u{1B}[M!qq", "\u{1B}[M`qq", "\u{1B}[MCqq",
    ])
    func unknownSequencesAreConsumedWhole(sequence: String) {
        #expect(decode(sequence).isEmpty, "\(Array(sequence.utf8))")
        // And the next key still counts.
        #expect(decode(sequence + "q") == [.key(.character("q"))], "\(Array(sequence.utf8))")
    }

    @Test func sgrClicksArePressesOfTheFirstButton() {
        #expect(decode("\u{1B}[<0;81;5M") == [.mouse(x: 80, y: 4)])
        #expect(decode("\u{1B}[<4;300;200M") == [.mouse(x: 299, y: 199)], "shift-click, beyond X10's range")
        #expect(decode("\u{1B}[<0;81;5M\u{1B}[<0;81;5m") == [.mouse(x: 80, y: 4)])
    }

    @Test func x10ClicksAtEveryColumn() {
        // Column 81 is the byte 'q' (32 + 81): it must not quit.
        #expect(decode([0x1B, 0x5B, 0x4D, 32, 32 + 81, 32 + 5]) == [.mouse(x: 80, y: 4)])
        // Columns of 95 and more are bytes of 128 and more: not UTF-8, still one byte each.
        #expect(decode([0x1B, 0x5B, 0x4D, 32, 32 + 100, 32 + 120]) == [.mouse(x: 99, y: 119)])
        #expect(decode([0x1B, 0x5B, 0x4D, 32, 0xFF, 0xFF, UInt8(ascii: "e")]) == [.mouse(x: 222, y: 222), .key(.character("e"))])
        // A lead-like byte followed by a non-continuation byte is two one-byte values.
        #expect(decode([0x1B, 0x5B, 0x4D, 32, 0xC5, 32 + 3, UInt8(ascii: "e")]) == [.mouse(x: 0xC5 - 33, y: 2), .key(.character("e"))])
        #expect(decode([0x1B, 0x5B, 0x4D, 32, 32 + 2, 0xC5, UInt8(ascii: "e")]) == [.mouse(x: 1, y: 0xC5 - 33), .key(.character("e"))])
    }

    @Test func utf8ExtendedMouseCoordinates() {
        // Mode 1005: column 300 is the value 332, sent as the UTF-8 character U+014C.
        let column = Array(String(Unicode.Scalar(UInt32(32 + 300))!).utf8)
        #expect(decode([0x1B, 0x5B, 0x4D, 32] + column + [32 + 4, UInt8(ascii: "q")]) == [.mouse(x: 299, y: 3), .key(.character("q"))])
    }

    @Test func aLoneEscapeIsTheEscapeKeyOnceInputPauses() {
        var decoder = KeyDecoder()
        var events: [InputEvent] = []
        decoder.feed(0x1B, into: &events)
        #expect(events.isEmpty)
        #expect(decoder.quietMilliseconds == 25)
        decoder.timeOut(into: &events)
        #expect(events == [.key(.escape)])
        #expect(decoder.quietMilliseconds == nil)
        #expect(decode("\u{1B}\u{1B}") == [.key(.escape), .key(.escape)])
    }

    @Test func escapeThenAKeyIsBothNeverAnAltKeyThatEatsQ() {
        #expect(decode("\u{1B}q") == [.key(.escape), .key(.character("q"))])
        #expect(decode("\u{1B}e\u{1B}\u{1B}[A") == [.key(.escape), .key(.character("e")), .key(.escape), .key(.up)])
    }

    @Test func aSequenceCutShortIsDroppedAtTheTimeoutAndTheNextKeyCounts() {
        var decoder = KeyDecoder()
        var events: [InputEvent] = []
        decoder.feed(Array("\u{1B}[12".utf8), into: &events)
        decoder.timeOut(into: &events)
        decoder.feed(Array("q".utf8), into: &events)
        #expect(events == [.key(.character("q"))])
    }

    @Test func sequencesSplitAcrossReadsStillDecode() {
        let stream = Array("e\u{1B}[4~\u{1B}[<0;81;5M\u{1B}[12q\u{1B}OAq".utf8)
        for split in 0...stream.count {
            var decoder = KeyDecoder()
            var events: [InputEvent] = []
            decoder.feed(stream[..<split], into: &events)
            decoder.feed(stream[split...], into: &events)
            #expect(events == [.key(.character("e")), .key(.end), .mouse(x: 80, y: 4), .key(.up), .key(.character("q"))], "split at \(split)")
        }
    }

    @Test func aPasteWaitsLongerThanAnEscape() {
        var decoder = KeyDecoder()
        var events: [InputEvent] = []
        decoder.feed(Array("\u{1B}[200~abc".utf8), into: &events)
        #expect(decoder.quietMilliseconds == 500)
        decoder.feed(Array("\u{1B}[201~".utf8), into: &events)
        #expect(decoder.quietMilliseconds == nil)
        #expect(events.isEmpty)
    }

    /// Random bytes never crash the decoder, and a `q` after a timeout always comes through.
    @Test func randomBytesNeverSwallowTheNextQ() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let bytes = (0..<Int.random(in: 0...64, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            var decoder = KeyDecoder()
            var events: [InputEvent] = []
            decoder.feed(bytes, into: &events)
            decoder.timeOut(into: &events)
            events.removeAll()
            decoder.feed(UInt8(ascii: "q"), into: &events)
            #expect(events == [.key(.character("q"))], "after \(bytes)")
        }
    }
}
