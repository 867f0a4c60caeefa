/// What the model predicts, as diffusers' `prediction_type` names it.
///
/// ```swift
/// PredictionType(rawValue: "v_prediction")  // .vPrediction
/// ```
public enum PredictionType: String, Sendable, CaseIterable, Codable {
    /// The noise ε that was added (`"epsilon"`).
    case epsilon = "epsilon"
    /// The clean sample x₀ itself (`"sample"`).
    case sample = "sample"
    /// The velocity v = √ᾱ ε − √(1−ᾱ) x₀ (`"v_prediction"`).
    case vPrediction = "v_prediction"
}
