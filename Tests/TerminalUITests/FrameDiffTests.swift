import Canvas
import Testing
@testable import TerminalUI

@Suite struct FrameDiffTests {
    @Test func firstFrameAndSizeChangesRewriteEveryRow() {
        let frame = Frame(width: 4, height: 3)
        #expect(FrameDiff.changedRuns(from: nil, to: frame) == [CellRun(y: 0, x: 0, count: 4), CellRun(y: 1, x: 0, count: 4), CellRun(y: 2, x: 0, count: 4)])
        #expect(FrameDiff.changedRuns(from: Frame(width: 5, height: 3), to: frame).count == 3)
    }

    @Test func identicalFramesNeedNothing() {
        var frame = Frame(width: 10, height: 2)
        frame.put("hello", x: 1, y: 1)
        #expect(FrameDiff.changedRuns(from: frame, to: frame).isEmpty)
    }

    @Test func onlyChangedCellsAreRewritten() {
        let old = Frame(width: 10, height: 3)
        var new = old
        new.put("ab", x: 2, y: 1)
        new.put("z", x: 7, y: 1)
        new.put("q", x: 0, y: 2, foreground: .palette(1))
        #expect(FrameDiff.changedRuns(from: old, to: new) == [CellRun(y: 1, x: 2, count: 2), CellRun(y: 1, x: 7, count: 1), CellRun(y: 2, x: 0, count: 1)])
    }

    @Test func colourOnlyChangesCount() {
        var old = Frame(width: 3, height: 1)
        old.put("x", x: 1, y: 0)
        var new = old
        new.put("x", x: 1, y: 0, attributes: [.bold])
        #expect(FrameDiff.changedRuns(from: old, to: new) == [CellRun(y: 0, x: 1, count: 1)])
    }

    @Test func smallGapsMergeIntoOneRun() {
        let old = Frame(width: 10, height: 1)
        var new = old
        new.put("a", x: 1, y: 0)
        new.put("b", x: 4, y: 0)
        #expect(FrameDiff.changedRuns(from: old, to: new, mergeGap: 2) == [CellRun(y: 0, x: 1, count: 4)])
        #expect(FrameDiff.changedRuns(from: old, to: new, mergeGap: 1).count == 2)
    }

    @Test func runsStartOnTheLeftHalfOfAWideCharacter() {
        var old = Frame(width: 6, height: 1)
        old.put("漢", x: 2, y: 0)
        var new = old
        new.put("x", x: 3, y: 0)   // overwrites the right half
        #expect(FrameDiff.changedRuns(from: old, to: new) == [CellRun(y: 0, x: 2, count: 2)])
    }
}

@Suite struct CellGlyphTests {
    @Test func continuationCellsAfterWideCharactersAreSkipped() {
        #expect(CellGlyph.text(for: .continuation, after: Cell("漢"), unicode: true) == nil)
        #expect(CellGlyph.text(for: .continuation, after: Cell("a"), unicode: true) == " ")
        #expect(CellGlyph.text(for: .continuation, after: nil, unicode: true) == " ")
    }

    @Test func controlCharactersBecomeSpacesAndNonAsciiFallsBackWithoutUnicode() {
        #expect(CellGlyph.text(for: Cell("\u{7}"), after: nil, unicode: true) == " ")
        #expect(CellGlyph.text(for: Cell("⣿"), after: nil, unicode: true) == "⣿")
        #expect(CellGlyph.text(for: Cell("⣿"), after: nil, unicode: false) == "#")
    }
}

@Suite struct AsciiFallbackTests {
    @Test(arguments: [
        (Character("─"), Character("-")), ("│", "|"), ("┌", "+"), ("╋", "+"), ("⠀", " "), ("⠁", "."), ("⠇", ":"), ("⣿", "#"),
        ("█", "#"), ("░", "."), ("▒", ":"), ("η", "n"), ("σ", "s"), ("→", ">"), ("…", "."), ("q", "q"), ("漢", "?"),
        ("x̂", "x"), ("ε̂", "e"), ("ᾱ", "a"), ("⏸", "="), ("▲", "^"), ("●", "o"),
    ])
    func fallbacks(input: Character, expected: Character) {
        #expect(AsciiFallback.character(for: input) == expected)
    }
}

@Suite struct SynchronizedOutputTests {
    @Test func onlyKnownTerminalFamiliesGetSynchronizedOutput() {
        #expect(SynchronizedOutput.isSafe(term: "xterm-256color", environment: [:]))
        #expect(SynchronizedOutput.isSafe(term: "tmux-256color", environment: [:]))
        #expect(!SynchronizedOutput.isSafe(term: "linux", environment: [:]))
        #expect(!SynchronizedOutput.isSafe(term: "vt100", environment: [:]))
        #expect(!SynchronizedOutput.isSafe(term: "xterm", environment: ["DDIM_SYNC_OUTPUT": "0"]))
        #expect(SynchronizedOutput.isSafe(term: "linux", environment: ["DDIM_SYNC_OUTPUT": "1"]))
    }
}
