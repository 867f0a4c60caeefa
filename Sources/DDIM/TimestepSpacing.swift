/// How `setTimesteps(n)` picks n of the T training timesteps, as diffusers' `timestep_spacing` names it.
///
/// `leading`, `trailing` and `linspace` are diffusers' rules (Table 2 of Lin et al. 2023);
/// `quadratic` is the `quad` selection of the original DDIM code: `int((linspace(0, √(0.8 T), n))²)`,
/// nudged to be strictly increasing. Chains on `quadratic` always step to the next entry of the
/// schedule (``PreviousTimestepRule/nextInSchedule``), since `t − T/n` means nothing there.
///
/// ```swift
/// var config = DDIMConfiguration()
/// config.timestepSpacing = .trailing
/// ```
public enum TimestepSpacing: String, Sendable, CaseIterable, Codable {
    /// `[0, k, 2k, …] + steps_offset` with k = T / n (integer division), descending (`"leading"`).
    case leading = "leading"
    /// `round(T − i·T/n) − 1`, so the chain starts at T − 1 (`"trailing"`).
    case trailing = "trailing"
    /// `round(linspace(0, T − 1, n))`, descending (`"linspace"`).
    case linspace = "linspace"
    /// The DDIM paper code's quadratic selection (`"quad"`; not a diffusers value).
    case quadratic = "quad"
}
