/// Why an exact denoiser could not be built.
public enum DenoiserError: Error, Equatable, CustomStringConvertible {
    case referencesNotTwoDimensional(Int)
    case noReferencePoints
    case nonFiniteReferencePoints
    case invalidBandwidth(Float)

    public var description: String {
        switch self {
        case .referencesNotTwoDimensional(let d):
            return "reference points must be 2-D (x,y), got \(d) values per row"
        case .noReferencePoints:
            return "the kernel density needs at least one reference point"
        case .nonFiniteReferencePoints:
            return "reference points must be finite (no NaN or infinity)"
        case .invalidBandwidth(let h):
            return "bandwidth \(h) is not allowed (must be a finite number >= 0; 0 = memorize the reference points)"
        }
    }
}
