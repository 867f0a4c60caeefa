import Testing
import ToyWorld

struct DenoiserTests {
    static let smallMixture: GaussianMixture = {
        (try? GaussianMixture(components: [
            .init(weight: 1, mean: [-1, 0.5], covariance: .init(xx: 0.05, xy: 0.02, yy: 0.03)),
            .init(weight: 2, mean: [1.2, -0.3], covariance: .oriented(angle: 0.4, along: 0.5, across: 0.05)),
            .init(weight: 0.5, mean: [0, 1.5], covariance: .isotropic(0.01)),
        ])) ?? Dataset.builtin(.eightGaussians).mixture!
    }()

    static let probes = SampleBatch(count: 11, dimension: 2, values: [
        0, 0, -1, 0.5, 1.2, -0.3, 0.3, 1.4, -2.5, 2, 3, -3, 0.01, -0.02, 1.9, 0.4, -0.7, -1.1, 5, 5, -0.2, 0.9,
    ])
    static let levels: [Float] = [0, 1e-4, 0.05, 0.3, 0.7, 0.95, 0.9999, 1]

    static func compare(_ prediction: DenoiserPrediction, against reference: [Int: (SIMD2<Double>, SIMD2<Double>)],
                        tolerance: Double, _ label: String) {
        for (row, expected) in reference {
            let x0 = SIMD2(Double(prediction.originalSample[row, 0]), Double(prediction.originalSample[row, 1]))
            let eps = SIMD2(Double(prediction.noise[row, 0]), Double(prediction.noise[row, 1]))
            let scale = 1 + max(abs(expected.1.x), abs(expected.1.y))
            #expect(abs(x0.x - expected.0.x) < tolerance && abs(x0.y - expected.0.y) < tolerance,
                    "\(label) row \(row): x0 \(x0) vs \(expected.0)")
            #expect(abs(eps.x - expected.1.x) < tolerance * scale && abs(eps.y - expected.1.y) < tolerance * scale,
                    "\(label) row \(row): eps \(eps) vs \(expected.1)")
        }
    }

    @Test(arguments: levels)
    func mixtureMatchesBruteForceInDouble(alphaProduct: Float) {
        let denoiser = GaussianMixtureDenoiser(mixture: Self.smallMixture)
        let prediction = denoiser.prediction(for: Self.probes, alphaProduct: alphaProduct)
        var reference: [Int: (SIMD2<Double>, SIMD2<Double>)] = [:]
        for row in 0..<Self.probes.count {
            let x = SIMD2(Double(Self.probes[row, 0]), Double(Self.probes[row, 1]))
            reference[row] = BruteForce.posterior(x, components: BruteForce.components(of: Self.smallMixture),
                                                  alphaProduct: Double(alphaProduct))
        }
        Self.compare(prediction, against: reference, tolerance: 2e-4, "gmm ab=\(alphaProduct)")
    }

    @Test(arguments: [Float(0.15), 0.03], levels)
    func kernelDensityMatchesBruteForceInDouble(bandwidth: Float, alphaProduct: Float) throws {
        let references = Dataset.builtin(.twoMoons).sample(count: 37, seed: 4)   // not a multiple of 8
        let denoiser = try KernelDensityDenoiser(references: references, bandwidth: bandwidth)
        let prediction = denoiser.prediction(for: Self.probes, alphaProduct: alphaProduct)
        var reference: [Int: (SIMD2<Double>, SIMD2<Double>)] = [:]
        for row in 0..<Self.probes.count {
            let x = SIMD2(Double(Self.probes[row, 0]), Double(Self.probes[row, 1]))
            reference[row] = BruteForce.posterior(x, components: BruteForce.kernels(references, bandwidth: Double(bandwidth)),
                                                  alphaProduct: Double(alphaProduct))
        }
        Self.compare(prediction, against: reference, tolerance: 5e-4, "kde h=\(bandwidth) ab=\(alphaProduct)")
    }

    @Test(arguments: [Float(0.3), 0.9, 0.999])
    func idealDenoiserMatchesBruteForceAndMemorizes(alphaProduct: Float) throws {
        let references = Dataset.builtin(.circles).sample(count: 21, seed: 8)
        let denoiser = try KernelDensityDenoiser(references: references, bandwidth: 0)
        let prediction = denoiser.prediction(for: Self.probes, alphaProduct: alphaProduct)
        var reference: [Int: (SIMD2<Double>, SIMD2<Double>)] = [:]
        for row in 0..<Self.probes.count {
            let x = SIMD2(Double(Self.probes[row, 0]), Double(Self.probes[row, 1]))
            // Bandwidth 0 is the limit of tiny kernels.
            reference[row] = BruteForce.posterior(x, components: BruteForce.kernels(references, bandwidth: 1e-9),
                                                  alphaProduct: Double(alphaProduct))
        }
        Self.compare(prediction, against: reference, tolerance: 5e-4, "ideal ab=\(alphaProduct)")
        if alphaProduct == 0.999 {
            // With little noise left, x0 is (almost exactly) one of the reference points.
            for row in 0..<3 {
                let x0 = SIMD2(prediction.originalSample[row, 0], prediction.originalSample[row, 1])
                let nearest = (0..<references.count).map { j -> Float in
                    let d = x0 - SIMD2(references[j, 0], references[j, 1])
                    return (d * d).sum()
                }.min() ?? 1
                #expect(nearest < 1e-6)
            }
        }
    }

    @Test func anAstronomicallyFarPointFallsBackToTheNearestReference() throws {
        let references = SampleBatch(count: 3, dimension: 2, values: [0, 0, 1, 0, 2, 3])
        let denoiser = try KernelDensityDenoiser(references: references, bandwidth: 0)
        let x = SampleBatch(count: 1, dimension: 2, values: [3e19, 3e19])
        let prediction = denoiser.prediction(for: x, alphaProduct: 0.999)
        #expect(prediction.originalSample.values == [2, 3])
        #expect(prediction.noise.isFinite)
    }

    @Test func idealDenoiserAtAlphaBarOneReturnsTheInput() throws {
        let denoiser = try KernelDensityDenoiser(references: Self.probes, bandwidth: 0)
        let x = SampleBatch(count: 2, dimension: 2, values: [0.123, -4, 7, 0.5])
        let prediction = denoiser.prediction(for: x, alphaProduct: 1)
        #expect(prediction.originalSample == x)
        #expect(prediction.noise.values == [0, 0, 0, 0])
    }

    static var allDenoisers: [(String, any Denoiser)] {
        DatasetKind.allCases.map { ($0.rawValue, Dataset.builtin($0).exactDenoiser(bandwidth: nil)) }
            + [("moons-ideal", Dataset.builtin(.twoMoons).exactDenoiser(bandwidth: 0)),
               ("grid-kde", Dataset.builtin(.grid).exactDenoiser(bandwidth: 0.05))]
    }

    @Test(arguments: [Float(0), 1e-7, 1e-4, 0.5, 0.9999, 1 - 1e-7, 1, -0.5, 1.5, .nan])
    func everyDenoiserIsFiniteAtTheExtremes(alphaProduct: Float) {
        let far = SampleBatch(count: 4, dimension: 2, values: [0, 0, 40, -40, 1e4, 3, -0.3, 2.2])
        for (name, denoiser) in Self.allDenoisers {
            for type in PredictionType.allCases {
                let output = denoiser.modelOutput(for: far, timestep: 0, alphaProduct: alphaProduct, predictionType: type)
                #expect(output.hasSameShape(as: far))
                #expect(output.isFinite, "\(name) \(type) ab=\(alphaProduct): \(output.values)")
            }
        }
    }

    @Test(arguments: [Float(1e-4), 0.2, 0.6, 0.99])
    func predictionTypesAreConsistent(alphaProduct: Float) {
        var g = PhiloxGenerator(seed: 3)
        let x = SampleBatch.randomNormal(count: 50, dimension: 2, using: &g)
        let a = alphaProduct.squareRoot(), s = (1 - alphaProduct).squareRoot()
        for (name, denoiser) in Self.allDenoisers {
            let eps = denoiser.modelOutput(for: x, timestep: 0, alphaProduct: alphaProduct, predictionType: .epsilon)
            let x0 = denoiser.modelOutput(for: x, timestep: 0, alphaProduct: alphaProduct, predictionType: .sample)
            let v = denoiser.modelOutput(for: x, timestep: 0, alphaProduct: alphaProduct, predictionType: .vPrediction)
            for i in x.values.indices {
                // x_t = a x0 + s eps; x0 = a x_t - s v; eps = s x_t + a v.
                #expect(abs(a * x0.values[i] + s * eps.values[i] - x.values[i]) < 2e-4, "\(name) x_t")
                #expect(abs(a * x.values[i] - s * v.values[i] - x0.values[i]) < 2e-4, "\(name) v->x0")
                #expect(abs(s * x.values[i] + a * v.values[i] - eps.values[i]) < 2e-4, "\(name) v->eps")
            }
        }
    }

    @Test func zeroTerminalSNRPredictsTheDataMeanAndTheInputAsNoise() throws {
        let x = SampleBatch(count: 3, dimension: 2, values: [0.5, -1, 2, 2, -3, 0])
        let mixture = Self.smallMixture
        let g = GaussianMixtureDenoiser(mixture: mixture).prediction(for: x, alphaProduct: 0)
        for i in x.values.indices { #expect(abs(g.noise.values[i] - x.values[i]) < 1e-6) }
        for row in 0..<3 {
            #expect(abs(g.originalSample[row, 0] - mixture.mean.x) < 1e-5 && abs(g.originalSample[row, 1] - mixture.mean.y) < 1e-5)
        }
        let references = SampleBatch(count: 3, dimension: 2, values: [0, 0, 1, 0, 2, 3])
        let k = try KernelDensityDenoiser(references: references, bandwidth: 0).prediction(for: x, alphaProduct: 0)
        #expect(k.noise == x)
        #expect(abs(k.originalSample[0, 0] - 1) < 1e-6 && abs(k.originalSample[0, 1] - 1) < 1e-6)
    }

    @Test func resultsDoNotDependOnChunking() throws {
        var g = PhiloxGenerator(seed: 12)
        let x = SampleBatch.randomNormal(count: 203, dimension: 2, using: &g)
        let references = Dataset.builtin(.swissRoll).referencePoints
        let outputs = try [1, 2, 3, 8].map { chunks -> [SampleBatch] in
            let p = Parallelism(chunks: chunks, minimumRowsPerChunk: 1)
            let kde = try KernelDensityDenoiser(references: references, bandwidth: 0.05, parallelism: p)
            let gmm = GaussianMixtureDenoiser(mixture: Self.smallMixture, parallelism: p)
            return [kde.modelOutput(for: x, timestep: 0, alphaProduct: 0.4, predictionType: .vPrediction),
                    gmm.modelOutput(for: x, timestep: 0, alphaProduct: 0.4, predictionType: .vPrediction)]
        }
        for output in outputs.dropFirst() { #expect(output == outputs[0]) }
    }

    @Test func invalidKernelSettingsAreRejected() {
        let refs = SampleBatch(count: 2, dimension: 2, values: [0, 0, 1, 1])
        #expect(throws: DenoiserError.invalidBandwidth(-1)) { try KernelDensityDenoiser(references: refs, bandwidth: -1) }
        #expect(throws: DenoiserError.noReferencePoints) {
            try KernelDensityDenoiser(references: SampleBatch(zerosCount: 0, dimension: 2), bandwidth: 0.1)
        }
        #expect(throws: DenoiserError.referencesNotTwoDimensional(3)) {
            try KernelDensityDenoiser(references: SampleBatch(zerosCount: 2, dimension: 3), bandwidth: 0.1)
        }
        #expect(throws: DenoiserError.self) { try Dataset.builtin(.twoMoons).makeExactDenoiser(bandwidth: .nan) }
        // The non-throwing form falls back to the default bandwidth.
        let fallback = Dataset.builtin(.twoMoons).exactDenoiser(bandwidth: -3) as? KernelDensityDenoiser
        #expect(fallback?.bandwidth == 0.06)
    }

    @Test func aBatchThatIsNotTwoDimensionalYieldsNaNNotACrash() {
        let denoiser = Dataset.builtin(.eightGaussians).exactDenoiser(bandwidth: nil)
        let output = denoiser.modelOutput(for: SampleBatch(zerosCount: 2, dimension: 3), timestep: 0, alphaProduct: 0.5, predictionType: .epsilon)
        #expect(output.count == 2 && output.dimension == 3 && !output.isFinite)
    }
}
