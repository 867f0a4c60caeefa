import Testing
import ToyWorld

@Suite struct ForwardProcessTests {
    let settings = RunSettings(dataset: .eightGaussians, count: 2000, seed: 4, steps: 50)

    @Test func noisedPointsAreTheClosedForm() throws {
        let forward = try ForwardProcess(settings: settings)
        for t in [0, 250, 999] {
            let noisy = try forward.noised(at: t)
            let (scale, deviation) = forward.distribution(at: t)
            #expect(abs(scale * scale + deviation * deviation - 1) < 1e-6)
            for i in stride(from: 0, to: noisy.values.count, by: 97) {
                let expected = scale * forward.data.values[i] + deviation * forward.noise.values[i]
                #expect(abs(noisy.values[i] - expected) < 1e-5)
            }
        }
    }

    @Test func theLastLevelIsAlmostStandardNoise() throws {
        let forward = try ForwardProcess(settings: settings)
        let noisy = try forward.noised(at: 999)
        let xs = (0..<noisy.count).map { Double(noisy[$0, 0]) }
        let mean = xs.reduce(0, +) / Double(xs.count)
        let variance = xs.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(xs.count)
        #expect(abs(mean) < 0.08)
        #expect(abs(variance - 1) < 0.1)
        #expect(forward.alphaProduct(at: 999) < 1e-4)
    }

    @Test func levelsOutsideTheScheduleThrow() throws {
        let forward = try ForwardProcess(settings: settings)
        #expect(throws: (any Error).self) { try forward.noised(at: 1000) }
        #expect(forward.reverseTimesteps(from: -1).isEmpty)
    }

    @Test func theWayBackStridesByTOverS() throws {
        let forward = try ForwardProcess(settings: settings)
        let levels = forward.reverseTimesteps(from: 517)
        #expect(levels.first == 517)
        #expect(levels.last == 17)
        #expect(zip(levels, levels.dropFirst()).allSatisfy { $0 - $1 == 20 })
    }

    @Test func ddimBringsLightlyNoisedPointsCloserAndForgetsHeavilyNoisedOnes() throws {
        let forward = try ForwardProcess(settings: settings)
        let light = try forward.reversePath(from: 100)
        let lightNoise = ForwardProcess.rootMeanSquareDistance(light[0], forward.data)
        let lightBack = ForwardProcess.rootMeanSquareDistance(light[light.count - 1], forward.data)
        #expect(lightBack < 0.8 * lightNoise)
        let heavy = try forward.reversePath(from: 999)
        #expect(heavy.count == forward.reverseTimesteps(from: 999).count + 1)
        #expect(ForwardProcess.rootMeanSquareDistance(heavy[heavy.count - 1], forward.data) > 1)
    }

    @Test func noisingStatesRunFromTheDataToTheLastLevel() throws {
        let forward = try ForwardProcess(settings: settings)
        let (levels, states) = try forward.noisingStates(frames: 11)
        #expect(levels == [0, 100, 200, 300, 400, 500, 599, 699, 799, 899, 999])
        #expect(try forward.noisingStates(upTo: 300, frames: 4).levels == [0, 100, 200, 300])
        #expect(states.count == 11)
        #expect(states[0] == forward.data)
        #expect(states[10] == (try forward.noised(at: 999)))
    }
}
