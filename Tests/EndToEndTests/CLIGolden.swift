enum CLIGolden {
    /// `sample --count 5 --steps 10 --seed 1` (eight Gaussians, exact mixture denoiser, clip off, Philox noise).
    static let sampleCount5Steps10Seed1 = """
    x,y
    1.0452276,-0.9055542
    -0.16770956,-1.4197712
    1.0300018,-1.0331708
    -0.96576405,-1.1006384
    -1.3680775,-0.394023
    """ + "\n"
}
