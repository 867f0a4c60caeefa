import Foundation
import DDIM
import Testing
import ToyWorld
@testable import Learned

@Suite struct TrainerTests {
    static let small = MLPArchitecture(hidden: 32, layers: 2, timeEmbedding: 8, fourierFeatures: 2)

    static func options(steps: Int, seed: UInt64 = 5, threads: Int = 0, type: PredictionType = .epsilon) -> TrainingOptions {
        TrainingOptions(architecture: small, predictionType: type, steps: steps, batch: 300, learningRate: 3e-3,
                        schedule: .constant, seed: seed, threads: threads)
    }

    @Test func trainingLowersTheLoss() throws {
        let trainer = try Trainer(dataset: .builtin(.eightGaussians), scheduler: DDIMScheduler(), options: Self.options(steps: 250))
        var losses = [Float]()
        trainer.train { _, loss in losses.append(loss); return true }
        #expect(losses.count == 250 && trainer.completedSteps == 250)
        let first = losses.prefix(50).reduce(0, +) / 50, last = losses.suffix(50).reduce(0, +) / 50
        #expect(last < 0.75 * first, "first 50 steps \(first), last 50 steps \(last)")
        #expect(abs(trainer.recentLoss - losses.suffix(100).reduce(0, +) / 100) < 1e-6)
    }

    @Test func sameSeedGivesIdenticalWeightsOnAnyThreadCount() throws {
        func weights(seed: UInt64, threads: Int) throws -> ToyMLP {
            let trainer = try Trainer(dataset: .builtin(.twoMoons), scheduler: DDIMScheduler(),
                                      options: Self.options(steps: 15, seed: seed, threads: threads))
            trainer.train()
            return trainer.network
        }
        let reference = try weights(seed: 1, threads: 1)
        #expect(try weights(seed: 1, threads: 1) == reference)
        #expect(try weights(seed: 1, threads: 2) == reference)
        #expect(try weights(seed: 1, threads: 3) == reference)
        #expect(try weights(seed: 2, threads: 1) != reference)
    }

    @Test func resumingContinuesTheSameRun() throws {
        let scheduler = try DDIMScheduler()
        let whole = try Trainer(dataset: .builtin(.grid), scheduler: scheduler, options: Self.options(steps: 10))
        for _ in 0..<5 { whole.runStep() }
        let halfway = whole.network
        let resumed = try Trainer(dataset: .builtin(.grid), scheduler: scheduler, options: Self.options(steps: 10),
                                  resuming: halfway, startingStep: 5)
        #expect(resumed.network == halfway && resumed.completedSteps == 5)
        resumed.train()
        #expect(resumed.completedSteps == 10 && resumed.lastLoss.isFinite)
        #expect(throws: TrainingError.resumeMismatch(network: Self.small, options: .default)) {
            try Trainer(dataset: .builtin(.grid), scheduler: scheduler, options: TrainingOptions(), resuming: halfway)
        }
    }

    /// The batch a step trains on is the scheduler's own forward process: addNoise for the input
    /// and, per prediction type, the noise, the data or `velocity` as the target.
    @Test(arguments: PredictionType.allCases)
    func drawsMatchTheSchedulersForwardProcess(type: PredictionType) throws {
        let scheduler = try DDIMScheduler()
        let data = try TrainingData(dataset: .builtin(.swissRoll), seed: 3)
        let rows = 40
        let coefficients = (0..<1000).map { scheduler.noiseCoefficients(at: $0) }
        var points = [Float](repeating: 0, count: 2 * rows), targets = points
        var timesteps = [Int32](repeating: 0, count: rows)
        coefficients.withUnsafeBufferPointer { c in
            data.fill(step: 7, batch: 100, first: 20, count: rows, predictionType: type, coefficients: c.baseAddress!,
                      timestepCount: 1000, points: &points, targets: &targets, timesteps: &timesteps)
        }
        // Recover the draws the documented way and rebuild the batch with the scheduler.
        let start = UInt64(7 * 100 + 20)
        let choice = PhiloxGenerator(seed: 3, stream: TrainingData.choiceStream)
        let indices = (0..<rows).map { Int(choice.uniform(at: start + UInt64($0)) * Float(TrainingData.poolSize)) }
        let x0 = SampleBatch(count: rows, dimension: 2, values: indices.flatMap { [data.pool[2 * $0], data.pool[2 * $0 + 1]] })
        var noise = [Float](repeating: 0, count: 2 * rows)
        noise.withUnsafeMutableBufferPointer {
            PhiloxGenerator(seed: 3, stream: TrainingData.noiseStream).fillNormals($0, startingAt: 2 * start)
        }
        let z = SampleBatch(count: rows, dimension: 2, values: noise)
        let ts = timesteps.map(Int.init)
        #expect(try scheduler.addNoise(x0, noise: z, timesteps: ts).values == points)
        switch type {
        case .epsilon: #expect(targets == noise)
        case .sample: #expect(targets == x0.values)
        case .vPrediction: #expect(try scheduler.velocity(sample: x0, noise: z, timesteps: ts).values == targets)
        }
        #expect(Set(ts).count > 30 && ts.allSatisfy { (0..<1000).contains($0) })
    }

    @Test func optionsAndDataAreChecked() throws {
        let scheduler = try DDIMScheduler()
        #expect(throws: TrainingError.invalidOption(field: "batch", value: "0", allowed: "1...8192")) {
            try Trainer(dataset: .builtin(.grid), scheduler: scheduler, options: TrainingOptions(batch: 0))
        }
        #expect(throws: TrainingError.invalidOption(field: "learning rate", value: "nan", allowed: "a number in (0, 1]")) {
            try Trainer(dataset: .builtin(.grid), scheduler: scheduler, options: TrainingOptions(learningRate: .nan))
        }
        let empty = Dataset.points(SampleBatch(zerosCount: 0, dimension: 2), name: "empty.csv")
        #expect(throws: TrainingError.unusableData(name: "empty.csv", reason: "it has no points")) {
            try Trainer(dataset: empty, scheduler: scheduler, options: Self.options(steps: 1))
        }
    }

    @Test func userPointsTrainAndTheRecordEncodesInSnakeCase() throws {
        let points = SampleBatch(count: 5, dimension: 2, values: [0, 0, 1, 1, -1, 1, 1, -1, -1, -1])
        let trainer = try Trainer(dataset: .points(points, name: "five.csv"), scheduler: DDIMScheduler(),
                                  options: Self.options(steps: 3))
        trainer.train()
        let record = trainer.record(seconds: 1.5)
        #expect(record.steps == 3 && record.batch == 300 && record.seed == 5 && record.finalLoss.isFinite)
        let json = String(decoding: try JSONEncoder().encode(record), as: UTF8.self)
        for key in ["\"steps\"", "\"batch\"", "\"learning_rate\"", "\"seed\"", "\"final_loss\"", "\"seconds\""] {
            #expect(json.contains(key))
        }
        #expect(try JSONDecoder().decode(TrainingRecord.self, from: Data(json.utf8)) == record)
    }

    @Test func learningRateSchedules() {
        #expect(LearningRateSchedule.constant.rate(base: 0.1, step: 50, of: 100) == 0.1)
        #expect(LearningRateSchedule.cosine.rate(base: 0.1, step: 0, of: 100) == 0.1)
        #expect(abs(LearningRateSchedule.cosine.rate(base: 0.1, step: 50, of: 100) - 0.05) < 1e-7)
        #expect(LearningRateSchedule.cosine.rate(base: 0.1, step: 100, of: 100) == 0)
    }
}
