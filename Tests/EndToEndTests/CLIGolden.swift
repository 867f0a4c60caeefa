enum CLIGolden {
    /// `sample --count 5 --steps 10 --seed 1` (eight Gaussians, exact mixture denoiser, clip off, Philox noise).
    static let sampleCount5Steps10Seed1 = """
    x,y
    0.7692672,1.2101711
    -1.1225221,-1.0863467
    -1.4940331,0.08029815
    -0.23495772,-1.3827183
    -1.1740514,-0.6629718
    """ + "\n"
}
