extension Lesson {
    static let consistencyLesson = Lesson(title: "Steps and consistency", pages: [
        LessonPage("Same noise, same sample",
                   "With eta = 0 the sample is a function of x_T alone. Left 10 steps, right 100, same x_T: the left "
                   + "cloud is rougher (higher MMD), yet each tracked point ends within 0.3 of where it ends on the right. That "
                   + "consistency is what makes DDIM latents meaningful (inversion, interpolation).",
                   left: gaussians.merging(SettingsPreset(steps: 10)), right: gaussians.merging(SettingsPreset(steps: 100)),
                   trackedPoints: [0, 1, 2]),
        LessonPage("With noise, no consistency",
                   "The same two runs with eta = 1: the tracked points now end in different places on the two sides, "
                   + "because every step draws new noise.",
                   left: gaussians.merging(SettingsPreset(steps: 10, eta: 1)),
                   right: gaussians.merging(SettingsPreset(steps: 100, eta: 1)), trackedPoints: [0, 1, 2]),
        LessonPage("Too few steps",
                   "At 2 steps the first prediction of x0 is pulled towards the mean of all the data: its spread is under "
                   + "a third of the data's (press v to see it). One more step cannot recover the shape: left 2 steps, "
                   + "right 20, whose MMD is less than a third of the left's.",
                   left: gaussians.merging(SettingsPreset(steps: 2)), right: gaussians.merging(SettingsPreset(steps: 20))),
    ])
}
