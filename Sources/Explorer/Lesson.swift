import ToyWorld

/// A guided tour: pages of explanation, each with the settings that show what it explains.
///
/// ```swift
/// let first = Lesson.all[0].pages[0]
/// let settings = first.left.applied(to: RunSettings())
/// ```
public struct Lesson: Sendable, Hashable {
    public var title: String
    public var pages: [LessonPage]
}

/// One page of a lesson: a paragraph and the run (or the two runs) it is about.
public struct LessonPage: Sendable, Hashable {
    public var heading: String
    public var text: String
    /// The settings of the single run, or of the left side when `right` is set.
    public var left: SettingsPreset
    /// When set, the page compares two runs from the same noise: `left` and `right`.
    public var right: SettingsPreset?
    /// Rows whose trails the page follows (nil keeps the tracked points as they are).
    public var trackedPoints: [Int]?

    public init(_ heading: String, _ text: String, left: SettingsPreset, right: SettingsPreset? = nil,
                trackedPoints: [Int]? = nil) {
        self.heading = heading
        self.text = text
        self.left = left
        self.right = right
        self.trackedPoints = trackedPoints
    }
}

extension Lesson {
    /// The built-in lessons, in tour order. Every number a page quotes is what its screen shows
    /// at the end of its runs; `LessonClaimTests` checks each one.
    public static let all: [Lesson] = [etaLesson, consistencyLesson, learnedLesson, scheduleLesson]

    /// The base of every page: diffusers' defaults with clipping off, 50 steps, eta 0.
    static let plain = SettingsPreset(
        model: .exact, steps: 50, eta: 0, largeVariance: false, schedule: .linear, spacing: .leading, clipping: false,
        clipRange: 1, thresholding: false, prediction: .epsilon, alphaToOne: true, zeroSNR: false)

    /// Eight Gaussians with the exact (closed-form) model: only the sampler's error is left.
    static let gaussians = plain.merging(SettingsPreset(dataset: .eightGaussians, count: 2000, seed: 0))
    /// Two moons with the shipped learned model: the sampler meets a model's errors.
    static let moonsLearned = plain.merging(SettingsPreset(dataset: .twoMoons, count: 1000, seed: 0, model: .learned))
}
