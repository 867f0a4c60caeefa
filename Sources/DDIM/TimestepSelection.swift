/// The timesteps `setTimesteps(n)` selects, in the order a sampling chain visits them (descending).
///
/// `leading`, `trailing` and `linspace` reproduce diffusers 0.42's `set_timesteps` including its
/// rounding (NumPy's round-half-to-even on the same double arithmetic), with two fixes where
/// diffusers breaks: `trailing` always returns exactly n timesteps (diffusers returns n + 1 ending
/// in −1 for some n, such as 61 or 103 of 1000), and `leading` + `steps_offset` past the last
/// training timestep is an error instead of an out-of-range index.
///
/// ```swift
/// var config = DDIMConfiguration()
/// config.stepsOffset = 1
/// try TimestepSelection.timesteps(for: config, count: 5)   // [801, 601, 401, 201, 1]
/// ```
public enum TimestepSelection {
    /// The descending timesteps for `count` inference steps under `config`.
    public static func timesteps(for config: DDIMConfiguration, count: Int) throws(DDIMError) -> [Int] {
        let train = config.numTrainTimesteps
        guard count >= 1 && count <= train else { throw .invalidStepCount(count, numTrainTimesteps: train) }
        switch config.timestepSpacing {
        case .leading:
            let ratio = train / count
            let base = (count - 1) * ratio
            guard config.stepsOffset <= train - 1 - base else {
                let (largest, overflow) = base.addingReportingOverflow(config.stepsOffset)
                throw .stepsOffsetPastSchedule(stepsOffset: config.stepsOffset, largestTimestep: overflow ? .max : largest,
                                               numTrainTimesteps: train, steps: count)
            }
            return (0..<count).reversed().map { $0 * ratio + config.stepsOffset }
        case .trailing:
            // np.round(np.arange(T, 0, -T / n)) - 1; NumPy's arange fills start + i * delta with
            // delta = (start + step) - start.
            let step = -(Double(train) / Double(count))
            let start = Double(train)
            let delta = (start + step) - start
            return (0..<count).map { i in
                Int((start + Double(i) * delta).rounded(.toNearestOrEven)) - 1
            }
        case .linspace:
            // np.linspace(0, T - 1, n).round()[::-1]
            guard count > 1 else { return [0] }
            let step = Double(train - 1) / Double(count - 1)
            return (0..<count).reversed().map { i in
                i == count - 1 ? train - 1 : Int((Double(i) * step).rounded(.toNearestOrEven))
            }
        case .quadratic:
            return quadratic(train: train, count: count).reversed()
        }
    }

    /// What makes `leading` spacing with `stepsOffset` fit in `numTrainTimesteps` at `steps` steps:
    /// the largest `steps_offset` that fits, and the largest step count below `steps` that fits
    /// with `stepsOffset` (nil when none does). More steps never help: the largest timestep grows.
    ///
    /// ```swift
    /// TimestepSelection.leadingFix(stepsOffset: 1, numTrainTimesteps: 1000, steps: 1000)
    /// // (largestOffset: 0, largestStepCount: 999)
    /// ```
    public static func leadingFix(stepsOffset: Int, numTrainTimesteps train: Int, steps: Int)
        -> (largestOffset: Int, largestStepCount: Int?) {
        func room(_ count: Int) -> Int { train - 1 - (count - 1) * (train / count) }
        let largestCount = stride(from: min(steps - 1, train), through: 1, by: -1).first { stepsOffset <= room($0) }
        return (room(steps), largestCount)
    }

    /// How many timesteps diffusers 0.42's `set_timesteps` returns for `trailing` spacing: `count`,
    /// or `count + 1` when NumPy's `arange(T, 0, -T / n)` gives one more value (the extra one is −1).
    ///
    /// ```swift
    /// TimestepSelection.diffusersTrailingCount(numTrainTimesteps: 1000, count: 61)   // 62
    /// ```
    public static func diffusersTrailingCount(numTrainTimesteps train: Int, count: Int) -> Int {
        let step = -(Double(train) / Double(count))
        return Int((-Double(train) / step).rounded(.up))
    }

    /// The DDIM code's `quad` selection `int((linspace(0, √(0.8 T), n))²)`, ascending, with
    /// repeated or out-of-range values moved to the nearest free timestep so all n are distinct.
    static func quadratic(train: Int, count: Int) -> [Int] {
        guard count > 1 else { return [0] }
        let top = (Double(train) * 0.8).squareRoot()
        let step = top / Double(count - 1)
        var values = (0..<count).map { i -> Int in
            let x = i == count - 1 ? top : Double(i) * step
            return Int(x * x)
        }
        for i in values.indices {
            values[i] = min(values[i], train - count + i)      // leave room for the ones above
            if i > 0 { values[i] = max(values[i], values[i - 1] + 1) }
        }
        return values
    }
}
