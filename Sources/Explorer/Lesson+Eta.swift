extension Lesson {
    static let etaLesson = Lesson(title: "DDPM vs DDIM: what eta does", pages: [
        LessonPage("One chain, no dice",
                   "DDIM with eta = 0 is deterministic: each point follows a fixed path from its noise x_T to a sample. "
                   + "Each step predicts x0 from x_t, then moves to the next noise level along the predicted noise. "
                   + "Step with → and ← (going back is exact) or play with space. At the end the quality panel's MMD "
                   + "is at its noise floor: the exact model and 50 steps leave nothing to see.",
                   left: gaussians, trackedPoints: [0, 1, 2]),
        LessonPage("eta = 1 is DDPM",
                   "eta scales fresh noise added at every step; eta = 1 is DDPM's posterior variance. Left eta 0, right "
                   + "eta 1, same x_T, 50 steps, exact model: the right run ends above its noise floor, with about twice "
                   + "the left's MMD, and each tracked point lands somewhere else (its trail is a random walk).",
                   left: gaussians, right: gaussians.merging(SettingsPreset(eta: 1)), trackedPoints: [0, 1, 2]),
        LessonPage("Few steps: noise hurts",
                   "Now the learned two-moons model and 10 steps. The noise eta = 1 adds (right) has too few steps to be "
                   + "removed: its MMD ends above the deterministic run's (left). On 256 points the gap is within the "
                   + "noise floor; `ddim-explorer table --dataset two-moons --model learned` averages 3 runs of 1000.",
                   left: moonsLearned.merging(SettingsPreset(steps: 10)),
                   right: moonsLearned.merging(SettingsPreset(steps: 10, eta: 1))),
        LessonPage("Many steps: eta no longer matters",
                   "The same model at 100 steps: both runs end below their noise floor; eta 1 (right) is even a little "
                   + "lower here. With enough steps the added noise is removed again.",
                   left: moonsLearned.merging(SettingsPreset(steps: 100)),
                   right: moonsLearned.merging(SettingsPreset(steps: 100, eta: 1))),
        LessonPage("σ̂: the large variance",
                   "The paper also tried a larger noise, σ̂ = sqrt(1 - ᾱ_t/ᾱ_prev), as in the original DDPM code (the step "
                   + "panel shows its coefficient on z). On CIFAR-10 it was far worse at few steps; on this toy model at "
                   + "10 steps it ends with a lower MMD than eta 0 (left). Toy data do not settle what images show.",
                   left: moonsLearned.merging(SettingsPreset(steps: 10)),
                   right: moonsLearned.merging(SettingsPreset(steps: 10, eta: 1, largeVariance: true))),
    ])
}
