extension Lesson {
    static let scheduleLesson = Lesson(title: "Schedules, spacing, clipping, zero SNR", pages: [
        LessonPage("Beta schedules",
                   "The schedule panel plots ᾱ_t, the share of signal left at level t. Left linear, right "
                   + "squaredcos_cap_v2 (cosine): at t = 500 linear keeps ᾱ = 0.08, cosine 0.49. The cosine schedule "
                   + "destroys the signal later, so more steps fall at useful levels. y switches to log-SNR.",
                   left: gaussians.merging(SettingsPreset(steps: 20, schedule: .linear)),
                   right: gaussians.merging(SettingsPreset(steps: 20, schedule: .squaredcosCapV2))),
        LessonPage("Leading vs trailing",
                   "With 5 steps, leading spacing starts at t = 800 and ends at 0; trailing starts at t = 999, the last "
                   + "training level. The marks on the schedule panel show where each one steps.",
                   left: gaussians.merging(SettingsPreset(steps: 5, spacing: .leading)),
                   right: gaussians.merging(SettingsPreset(steps: 5, spacing: .trailing))),
        LessonPage("Clipping",
                   "clip_sample clamps the predicted x0 to ±clip range, a guard for images in [-1, 1]. Our data reaches "
                   + "beyond 1, so clipping at 1 (right) squeezes every sample into the box. Widen it with ].",
                   left: gaussians, right: gaussians.merging(SettingsPreset(clipping: true, clipRange: 1))),
        LessonPage("Thresholding",
                   "Dynamic thresholding clips x0 at a quantile of |x0| (ratio 0.995), but never above sample_max_value, "
                   + "whose default is 1: here it behaves like clipping at 1.",
                   left: gaussians, right: gaussians.merging(SettingsPreset(thresholding: true))),
        LessonPage("Zero terminal SNR",
                   "rescale_betas_zero_snr makes the last level pure noise (ᾱ_T = 0). Epsilon prediction then cannot "
                   + "recover x0 at the first step (a division by zero: the left side stops with a warning); v "
                   + "prediction can (right). Use it with trailing spacing.",
                   left: gaussians.merging(SettingsPreset(spacing: .trailing, prediction: .epsilon, zeroSNR: true)),
                   right: gaussians.merging(SettingsPreset(spacing: .trailing, prediction: .vPrediction, zeroSNR: true))),
    ])
}
