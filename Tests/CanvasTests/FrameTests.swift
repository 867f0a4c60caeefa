import Testing
import Canvas

@Suite struct FrameTests {
    @Test func putClipsToTheFrameAndTrimsPlainText() {
        var frame = Frame(width: 6, height: 2)
        let end = frame.put("hello world", x: 2, y: 1)
        #expect(end == 13)
        #expect(frame.plainText == "\n  hell")
        frame.put("x", x: -1, y: 0)
        frame.put("x", x: 0, y: 5)
        #expect(frame.plainText == "\n  hell")
    }

    @Test func wideCharactersTakeTwoCells() {
        var frame = Frame(width: 5, height: 1)
        frame.put("a漢b", x: 0, y: 0)
        #expect(frame[1, 0].text == "漢")
        #expect(frame[2, 0] == Cell.continuation)
        #expect(frame.plainText == "a漢b")
        #expect("a漢b".terminalWidth == 4)
        #expect("e\u{301}".terminalWidth == 1)
    }
}
