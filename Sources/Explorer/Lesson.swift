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

    public init(_ heading: String, _ text: String, left: SettingsPreset, right: SettingsPreset? = nil) {
        self.heading = heading
        self.text = text
        self.left = left
        self.right = right
    }
}

extension Lesson {
    /// The built-in lessons, in tour order.
    public static let all: [Lesson] = [etaLesson, stepsLesson, scheduleLesson]

    static let plain = SettingsPreset(
        steps: 50, eta: 0, largeVariance: false, schedule: .linear, spacing: .leading, clipping: false,
        clipRange: 1, thresholding: false, prediction: .epsilon, alphaToOne: true, zeroSNR: false)

    static let etaLesson = Lesson(title: "DDPM vs DDIM: what eta does", pages: [
        LessonPage("One chain, no dice",
                   "DDIM with eta = 0 is deterministic: every point follows a fixed path from its noise x_T to a sample. "
                   + "Each step predicts x0 from x_t, then moves to the next noise level along the predicted noise direction. "
                   + "Step with → and ← (going back is exact), or press space to play.",
                   left: plain.merging(SettingsPreset(steps: 50, eta: 0))),
        LessonPage("eta = 1 is DDPM",
                   "eta scales the fresh noise added at each step. eta = 1 gives DDPM's posterior variance: the chain is "
                   + "stochastic again. Left eta 0, right eta 1, same x_T: with 50 steps both reach the data, "
                   + "but the points land in different places.",
                   left: plain.merging(SettingsPreset(steps: 50, eta: 0)), right: plain.merging(SettingsPreset(steps: 50, eta: 1))),
        LessonPage("Few steps punish noise",
                   "Now only 10 steps. DDIM (left) still draws a sharp shape; DDPM's noise (right) has too few steps to be "
                   + "averaged out, so the cloud blurs. This is the paper's Table 1: at small S, eta = 0 wins clearly.",
                   left: plain.merging(SettingsPreset(steps: 10, eta: 0)), right: plain.merging(SettingsPreset(steps: 10, eta: 1))),
        LessonPage("σ̂: the large variance",
                   "The paper also tried a larger noise σ̂ = sqrt(1 - ᾱ_t/ᾱ_prev), as in the original DDPM code. With few "
                   + "steps it is worse still: the step panel shows the noise coefficient it adds.",
                   left: plain.merging(SettingsPreset(steps: 10, eta: 0)),
                   right: plain.merging(SettingsPreset(steps: 10, eta: 1, largeVariance: true))),
    ])

    static let stepsLesson = Lesson(title: "Few steps vs many, and consistency", pages: [
        LessonPage("Same noise, same sample",
                   "With eta = 0 the sample is a function of x_T alone. Left 10 steps, right 100 steps, same x_T: the "
                   + "clouds look alike point for point. Click a point to track it on both sides: this is the consistency "
                   + "that makes DDIM latents meaningful (interpolation, inversion).",
                   left: plain.merging(SettingsPreset(steps: 10, eta: 0)), right: plain.merging(SettingsPreset(steps: 100, eta: 0))),
        LessonPage("Too few steps blur",
                   "At 2 steps the first x0 prediction is nearly the data mean, and one more step cannot recover the shape. "
                   + "Compare the quality panels: the distance to the data falls as steps grow, then levels off.",
                   left: plain.merging(SettingsPreset(steps: 2, eta: 0)), right: plain.merging(SettingsPreset(steps: 20, eta: 0))),
        LessonPage("Predicted x0 along the way",
                   "Press v to show the predicted x0 instead of x_t. Early on every point predicts the mean of all the data; "
                   + "as t falls the prediction commits to one part of it. x_t is x0 plus shrinking noise.",
                   left: plain.merging(SettingsPreset(steps: 50, eta: 0))),
    ])

    static let scheduleLesson = Lesson(title: "Schedules, spacing, clipping, zero SNR", pages: [
        LessonPage("Beta schedules",
                   "The schedule panel plots ᾱ_t, the share of signal left at level t. Left linear, right squaredcos_cap_v2 "
                   + "(cosine): the cosine schedule destroys the signal more slowly, so more steps fall at useful noise levels. "
                   + "Press y for log-SNR.",
                   left: plain.merging(SettingsPreset(steps: 20, schedule: .linear)),
                   right: plain.merging(SettingsPreset(steps: 20, schedule: .squaredcosCapV2))),
        LessonPage("Leading vs trailing",
                   "With 5 steps, leading spacing starts at t = 800 and ends at 0, never at the last training step: x_T is not pure noise "
                   + "to the model. Trailing starts at t = 999. Watch the marks on the schedule panel.",
                   left: plain.merging(SettingsPreset(steps: 5, spacing: .leading)),
                   right: plain.merging(SettingsPreset(steps: 5, spacing: .trailing))),
        LessonPage("Clipping",
                   "clip_sample clamps the predicted x0 to ±clip range, a guard for images in [-1, 1]. Our data reaches "
                   + "beyond 1, so clipping at 1 (right) squeezes the cloud into a box. Change the range with [ and ].",
                   left: plain.merging(SettingsPreset(clipping: false)),
                   right: plain.merging(SettingsPreset(clipping: true, clipRange: 1))),
        LessonPage("Zero terminal SNR",
                   "rescale_betas_zero_snr makes the last level pure noise (ᾱ_T = 0). Then epsilon prediction cannot recover "
                   + "x0 at the top step (division by zero: watch the warning), while v prediction can. Use trailing spacing "
                   + "with it.",
                   left: plain.merging(SettingsPreset(spacing: .trailing, prediction: .epsilon, zeroSNR: true)),
                   right: plain.merging(SettingsPreset(spacing: .trailing, prediction: .vPrediction, zeroSNR: true))),
    ])
}
