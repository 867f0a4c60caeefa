import Canvas

/// The lesson panel: the page's paragraph under the clouds, with how to go on.
enum LessonPanel {
    static func draw(_ model: ExplorerModel, in rect: Rect, ascii: Bool, into frame: inout Frame) {
        guard let page = model.lessonPage else { return }
        let lesson = Lesson.all[model.lessonIndex]
        let title = "Lesson \(model.lessonIndex + 1)/\(Lesson.all.count) \(lesson.title) · \(model.pageIndex + 1)/\(lesson.pages.count) \(page.heading)"
        let inside = Panel(title: title, border: ascii ? .ascii : .double).draw(into: &frame, rect: rect)
        guard inside.height > 0 else { return }
        let footer = "Enter/PgDn next · Bksp/PgUp back · L leave"
        let textRows = inside.height - 1
        let lines = Text.page(Paragraph(page.text).lines(width: inside.width), width: inside.width, rows: textRows, ascii: ascii)
        for (row, line) in lines.enumerated() {
            frame.put(line, x: inside.x, y: inside.y + row)
        }
        frame.put(Text.fit(footer, inside.width), x: inside.x, y: inside.maxY - 1, attributes: .dim)
    }
}
