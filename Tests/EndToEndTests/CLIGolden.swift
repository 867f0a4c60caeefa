enum CLIGolden {
    /// `sample --count 5 --steps 10 --seed 1` (eight Gaussians, exact mixture denoiser, clip off, Philox noise).
    static let sampleCount5Steps10Seed1 = """
    x,y
    1.0452274,-0.90555453
    -0.1677097,-1.4197711
    1.0300016,-1.0331708
    -0.96576405,-1.1006383
    -1.3680775,-0.39402285
    """ + "\n"
}
