import Canvas

/// Where everything goes on a screen of a given size: pure arithmetic, from 60x18 up.
///
/// ```swift
/// let layout = ExplorerLayout(width: 80, height: 24, sides: 1, hasLesson: false)
/// layout.clouds[0]     // the cloud's rectangle
/// ```
public struct ExplorerLayout: Sendable, Equatable {
    /// Below this size the explorer shows a message instead of drawing.
    public static let minimumWidth = 60
    public static let minimumHeight = 18

    public var isTooSmall: Bool
    /// Top row: title and progress.
    public var title: Rect
    /// One cloud per side.
    public var clouds: [Rect]
    /// The lesson text, under the clouds (lesson mode only).
    public var lesson: Rect?
    public var schedule: Rect?
    public var step: Rect?
    public var quality: Rect?
    /// The bottom rows: settings and messages.
    public var status: Rect

    /// Rows of the step panel, borders included.
    static let stepPanelHeight = 9

    public init(width: Int, height: Int, sides: Int, hasLesson: Bool) {
        isTooSmall = width < ExplorerLayout.minimumWidth || height < ExplorerLayout.minimumHeight
        let statusHeight = 2
        title = Rect(x: 0, y: 0, width: width, height: 1)
        status = Rect(x: 0, y: height - statusHeight, width: width, height: statusHeight)
        let bodyTop = 1, bodyHeight = max(0, height - statusHeight - bodyTop)

        let sidebarWidth = max(30, min(56, width * 36 / 100))
        let mainWidth = max(0, width - sidebarWidth)
        var mainHeight = bodyHeight
        if hasLesson {
            let lessonHeight = max(5, min(9, bodyHeight / 3))
            mainHeight = bodyHeight - lessonHeight
            lesson = Rect(x: 0, y: bodyTop + mainHeight, width: mainWidth, height: lessonHeight)
        }
        let count = max(1, sides)
        clouds = (0..<count).map { side in
            let x = mainWidth * side / count, next = mainWidth * (side + 1) / count
            return Rect(x: x, y: bodyTop, width: next - x, height: mainHeight)
        }

        // Sidebar: the step panel first (the teaching core), then the schedule, then quality.
        let x = mainWidth
        var remaining = bodyHeight, y = bodyTop
        let stepHeight = min(ExplorerLayout.stepPanelHeight, remaining)
        let scheduleHeight = min(max(6, (bodyHeight - stepHeight) / 2), remaining - stepHeight)
        if scheduleHeight >= 5 {
            schedule = Rect(x: x, y: y, width: sidebarWidth, height: scheduleHeight)
            y += scheduleHeight
            remaining -= scheduleHeight
        }
        if stepHeight >= 5 {
            step = Rect(x: x, y: y, width: sidebarWidth, height: stepHeight)
            y += stepHeight
            remaining -= stepHeight
        }
        if remaining >= 4 {
            quality = Rect(x: x, y: y, width: sidebarWidth, height: remaining)
        }
    }

    /// The layout for a model's mode at this size.
    public init(width: Int, height: Int, model: ExplorerModel) {
        let sides = model.mode == .compare || (model.mode == .lesson && model.runs.count > 1) ? 2 : 1
        self.init(width: width, height: height, sides: sides, hasLesson: model.mode == .lesson)
    }
}
