import Canvas
import CCurses
import Testing
@testable import TerminalUI

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

    @Test(arguments: [
        (KEY_UP, Key.up), (KEY_DOWN, .down), (KEY_LEFT, .left), (KEY_RIGHT, .right),
        (KEY_HOME, .home), (KEY_END, .end), (KEY_PPAGE, .pageUp), (KEY_NPAGE, .pageDown),
        (KEY_ENTER, .enter), (KEY_BTAB, .backTab), (KEY_BACKSPACE, .backspace), (KEY_DC, .delete),
        (KEY_A1, .home), (KEY_C3, .pageDown), (KEY_SLEFT, .left),
    ])
    func functionKeyCodes(code: Int32, expected: Key) {
        #expect(KeyDecoder.key(keyCode: code) == expected)
    }

    @Test func functionKeysAreNumberedFromOne() {
        #expect(KeyDecoder.key(keyCode: ccurses_key_f(1)) == .function(1))
        #expect(KeyDecoder.key(keyCode: ccurses_key_f(12)) == .function(12))
        #expect(KeyDecoder.key(keyCode: KEY_F0) == nil)
        #expect(KeyDecoder.key(keyCode: KEY_RESIZE) == nil)
        #expect(KeyDecoder.key(keyCode: KEY_MOUSE) == nil)
    }

    @Test func modifiedXtermKeysMapToTheirBaseKey() {
        #expect(KeyDecoder.key(extendedKeyName: "kUP5") == .up)
        #expect(KeyDecoder.key(extendedKeyName: "kRIT3") == .right)
        #expect(KeyDecoder.key(extendedKeyName: "kLFT") == .left)
        #expect(KeyDecoder.key(extendedKeyName: "kNXT6") == .pageDown)
        #expect(KeyDecoder.key(extendedKeyName: "kDC5") == .delete)
        #expect(KeyDecoder.key(extendedKeyName: "kUPX") == nil)
        #expect(KeyDecoder.key(extendedKeyName: "kxIN") == nil)
    }
}
