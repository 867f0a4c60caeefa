/// One DDIM step written out as numbers, for teaching panels and tables:
///
///     x_prev = x0Coefficient · x̂₀ + epsilonCoefficient · ε̂ + noiseCoefficient · z
///
/// ```swift
/// let c = try scheduler.coefficients(timestep: 981, eta: 0)
/// print(c.previousTimestep, c.x0Coefficient, c.epsilonCoefficient)
/// ```
public struct StepCoefficients: Sendable, Equatable {
    /// The timestep the step starts from.
    public var timestep: Int
    /// The level the step lands on (−1 = the final level).
    public var previousTimestep: Int
    /// ᾱ at `timestep`.
    public var alphaProduct: Float
    /// ᾱ at `previousTimestep` (the final ᾱ for −1).
    public var alphaProductPrevious: Float
    /// diffusers' `_get_variance`: (1 − ᾱ_prev)/(1 − ᾱ_t) · (1 − ᾱ_t/ᾱ_prev).
    public var variance: Float
    /// The σ the step uses: η·√variance, or σ̂ for ``VarianceKind/largeSigmaHat``.
    public var sigma: Float
    /// √ᾱ_prev.
    public var x0Coefficient: Float
    /// √(1 − ᾱ_prev − σ_dir²), where σ_dir is η·√variance (η = 1 for the σ̂ variant).
    public var epsilonCoefficient: Float
    /// The standard deviation of the added noise (0 for a deterministic step).
    public var noiseCoefficient: Float

    public init(timestep: Int, previousTimestep: Int, alphaProduct: Float, alphaProductPrevious: Float, variance: Float,
                sigma: Float, x0Coefficient: Float, epsilonCoefficient: Float, noiseCoefficient: Float) {
        self.timestep = timestep
        self.previousTimestep = previousTimestep
        self.alphaProduct = alphaProduct
        self.alphaProductPrevious = alphaProductPrevious
        self.variance = variance
        self.sigma = sigma
        self.x0Coefficient = x0Coefficient
        self.epsilonCoefficient = epsilonCoefficient
        self.noiseCoefficient = noiseCoefficient
    }
}
