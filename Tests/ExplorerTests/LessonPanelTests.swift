import Testing
@testable import Explorer
import ToyWorld

@Suite struct LessonPanelTests {
    /// Every page at 80x24 and 200x60: its text is on screen whole, or what is shown ends in the
    /// "more" mark, never cut silently.
    @Test(arguments: [(80, 24), (200, 60)])
    func everyPageFitsOrSaysThereIsMore(size: (Int, Int)) throws {
        for (lesson, tour) in Lesson.all.enumerated() {
            for (page, content) in tour.pages.enumerated() {
                var model = ExplorerModel(settings: smallSettings())
                model.press(.toggleLessons)
                model.lessonIndex = lesson
                model.pageIndex = page
                model.applyLessonPage()
                let screen = model.view(width: size.0, height: size.1, depth: .monochrome, glyphs: .ascii).plainText
                let lastWord = String(content.text.split(separator: " ").last ?? "")
                let shown = screen.contains(lastWord) || screen.contains("v more")
                #expect(shown, "lesson \(lesson + 1) page \(page + 1) at \(size): text cut without a mark\n\(screen)")
            }
        }
    }

    @Test func pageCutsEndInAMoreMark() {
        #expect(Text.page(["one", "two", "three"], width: 20, rows: 2) == ["one", "two ▼ more"])
        #expect(Text.page(["one", "two"], width: 20, rows: 2) == ["one", "two"])
        #expect(Text.page(["a long line here", "b"], width: 12, rows: 1, ascii: true) == ["a lo… v more"])
    }

    @Test func smallNumbersReadInScientificNotation() {
        #expect(Text.small(5.9e-5, 4) == "5.9e-5")
        #expect(Text.small(0, 4) == "0")
        #expect(Text.small(0.25, 4) == "0.2500")
        #expect(Text.small(-3.2e-7, 4) == "-3.2e-7")
        #expect(Text.scientific(1.5e12) == "1.5e12")
    }
}
