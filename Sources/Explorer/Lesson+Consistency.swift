extension Lesson {
    static let consistencyLesson = Lesson(title: "Steps and consistency", pages: [
        LessonPage("Same noise, same sample",
                   "With eta = 0 the sample is a function of x_T alone. Left 10 steps, right 100, same x_T: the left "
                   + "cloud is rougher (higher MMD), yet each tracked point ends almost where it does on the right. That "
                   + "consistency is what makes DDIM latents meaningful (inversion, interpolation).",
                   left: gaussians.merging(SettingsPreset(steps: 10)), right: gaussians.merging(SettingsPreset(steps: 100)),
                   trackedPoints: [0, 1, 2]),
        LessonPage("With noise, no consistency",
                   "The same two runs with eta = 1: the tracked points now end in different places on the two sides, "
                   + "because every step draws new noise.",
                   left: gaussians.merging(SettingsPreset(steps: 10, eta: 1)),
                   right: gaussians.merging(SettingsPreset(steps: 100, eta: 1)), trackedPoints: [0, 1, 2]),
        LessonPage("Too few steps",
                   "At 2 steps the first prediction of x0 is close to the mean of all the data (press v to see it), and "
                   + "one more step cannot recover the shape: left 2 steps, right 20.",
                   left: gaussians.merging(SettingsPreset(steps: 2)), right: gaussians.merging(SettingsPreset(steps: 20))),
    ])
}
