/// The built-in toy datasets. The raw values are the names used on the command line.
///
/// Every dataset is scaled so that it sits where a standard-normal prior makes sense: centred
/// near the origin, within about [-2.5, 2.5], with a standard deviation near 1 on each axis.
///
/// ```swift
/// DatasetKind(rawValue: "two-moons")   // .twoMoons
/// DatasetKind.pinwheel.summary         // one line for `data --list`
/// ```
public enum DatasetKind: String, CaseIterable, Sendable, Codable {
    case eightGaussians = "eight-gaussians"
    case grid = "grid"
    case twoMoons = "two-moons"
    case swissRoll = "swiss-roll"
    case circles = "circles"
    case checkerboard = "checkerboard"
    case pinwheel = "pinwheel"
    case twoSpirals = "two-spirals"
    case ddimLetters = "letters"

    /// One line describing the dataset and its exact denoiser.
    public var summary: String {
        switch self {
        case .eightGaussians:
            return "8 Gaussians (std 0.1) on a ring of radius 1.5; exact Gaussian-mixture denoiser"
        case .grid:
            return "5x5 grid of Gaussians (spacing 0.7, std 0.08); exact Gaussian-mixture denoiser"
        case .twoMoons:
            return "two interleaved half circles with noise 0.06; kernel-density denoiser"
        case .swissRoll:
            return "a 2-D swiss-roll spiral (1.5 turns) with noise 0.05; kernel-density denoiser"
        case .circles:
            return "two concentric rings (radius 0.8 and 1.8) with noise 0.05; kernel-density denoiser"
        case .checkerboard:
            return "uniform points on the dark squares of a 4x4 board over [-2, 2]; kernel-density denoiser"
        case .pinwheel:
            return "5 curved arms, each 3 elongated Gaussians; exact Gaussian-mixture denoiser"
        case .twoSpirals:
            return "two interleaved spirals with noise 0.05; kernel-density denoiser"
        case .ddimLetters:
            return "the word DDIM drawn with a stroke font, noise 0.035; kernel-density denoiser"
        }
    }
}
