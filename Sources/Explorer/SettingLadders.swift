/// The values the explorer's up/down keys walk through, and the walking itself.
///
/// ```swift
/// SettingLadders.next(after: 50, in: SettingLadders.steps)      // 100
/// SettingLadders.previous(before: 7, in: SettingLadders.steps)  // 5
/// ```
public enum SettingLadders {
    /// Inference step counts; capped at `num_train_timesteps` when used.
    public static let steps = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000]
    /// eta values from DDIM (0) to DDPM's posterior variance (1); σ̂ comes after 1.
    public static let etas: [Float] = (0...10).map { Float($0) / 10 }
    /// clip_sample_range values.
    public static let clipRanges: [Float] = [0.5, 1, 1.5, 2, 3, 4, 5]
    /// Point counts.
    public static let counts = [100, 200, 500, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000]
    /// Playback speeds in chain steps per second.
    public static let speeds: [Double] = [1, 2, 5, 10, 20, 30, 60, 120]

    /// The smallest ladder value above `value`, or the last one.
    public static func next<T: Comparable>(after value: T, in ladder: [T]) -> T {
        ladder.first { $0 > value } ?? ladder.last ?? value
    }

    /// The largest ladder value below `value`, or the first one.
    public static func previous<T: Comparable>(before value: T, in ladder: [T]) -> T {
        ladder.last { $0 < value } ?? ladder.first ?? value
    }

    /// The next case of a `CaseIterable` enum, wrapping around.
    public static func cycle<T: CaseIterable & Equatable>(_ value: T, by offset: Int = 1) -> T {
        let all = Array(T.allCases)
        guard let index = all.firstIndex(of: value), !all.isEmpty else { return value }
        return all[((index + offset) % all.count + all.count) % all.count]
    }
}
