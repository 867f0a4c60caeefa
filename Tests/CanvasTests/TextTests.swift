import Testing
import Canvas

@Suite struct TextTests {
    @Test func panelsInUnicodeAndASCII() {
        var frame = Frame(width: 10, height: 6, fill: Cell("x"))
        let inside = Panel(title: "Hi").draw(into: &frame, rect: Rect(x: 0, y: 0, width: 10, height: 3))
        Panel(title: "A long title", border: .ascii, titleAlignment: .right).draw(into: &frame, rect: Rect(x: 0, y: 3, width: 10, height: 3))
        #expect(inside == Rect(x: 1, y: 1, width: 8, height: 1))
        #expect(frame.plainText == """
            ╭─ Hi ───╮
            │        │
            ╰────────╯
            +- A... -+
            |        |
            +--------+
            """)
    }

    @Test func panelTitlesAreBoldAndCentredOnRequest() {
        var frame = Frame(width: 12, height: 2)
        Panel(title: "ab", border: .double, titleAlignment: .center).draw(into: &frame, rect: frame.bounds)
        #expect(frame.plainText == "╔═══ ab ═══╗\n╚══════════╝")
        #expect(frame[5, 0].attributes == .bold)
    }

    @Test func paragraphsWrapAtWords() {
        let text = Paragraph("DDIM takes big deterministic steps when eta is 0.")
        #expect(text.lines(width: 20) == ["DDIM takes big", "deterministic steps", "when eta is 0."])
        #expect(Paragraph("abcdefgh ij").lines(width: 3) == ["abc", "def", "gh", "ij"])
        #expect(Paragraph("one\n\ntwo").lines(width: 10) == ["one", "", "two"])
    }

    @Test func wideAndCombiningCharactersAreMeasuredInColumns() {
        #expect(Paragraph("漢字 漢字漢字 e\u{301}e\u{301}").lines(width: 5) == ["漢字", "漢字", "漢字", "éé"])
        #expect("漢字漢字".truncated(toWidth: 5) == "漢字…")
        #expect("e\u{301}tude".padded(toWidth: 7, alignment: .right) == "  e\u{301}tude")
    }

    @Test func paragraphAlignment() {
        var frame = Frame(width: 9, height: 3)
        let rows = Paragraph("ab cd ef gh", alignment: .right).draw(into: &frame, rect: Rect(x: 0, y: 0, width: 5, height: 2))
        Paragraph("漢", alignment: .center).draw(into: &frame, rect: Rect(x: 0, y: 2, width: 6, height: 1))
        #expect(rows == 2)
        #expect(frame.plainText == "ab cd\nef gh\n  漢")
    }

    @Test func keyHelpTableFillsColumnsTopToBottom() {
        var frame = Frame(width: 30, height: 3)
        let table = KeyHelpTable([.init(keys: "space", action: "play"), .init(keys: "←/→", action: "step"), .init(keys: "q", action: "quit")])
        #expect(table.rowCount(width: 30) == 2)
        #expect(table.rowCount(width: 12) == 3)
        let rows = table.draw(into: &frame, rect: frame.bounds)
        #expect(rows == 2)
        #expect(frame.plainText == "space  play          q  quit\n  ←/→  step\n")
        #expect(frame[0, 0].attributes == .bold)
    }
}
