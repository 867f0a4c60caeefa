extension Lesson {
    static let learnedLesson = Lesson(title: "Learned vs exact models", pages: [
        LessonPage("The same sampler, two models",
                   "Left the exact denoiser, right the shipped learned network, same x_T, 50 steps, eta 0. The exact "
                   + "model is the best any network could learn; the network's error shows as a higher MMD.",
                   left: moonsLearned.merging(SettingsPreset(model: .exact)), right: moonsLearned, trackedPoints: [0, 1, 2]),
        LessonPage("Few steps hide the model",
                   "At 10 steps both are limited by the sampler: the two MMDs are close to each other and far above the noise floor.",
                   left: moonsLearned.merging(SettingsPreset(model: .exact, steps: 10)),
                   right: moonsLearned.merging(SettingsPreset(steps: 10))),
    ])
}
