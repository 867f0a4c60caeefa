import DDIM
import Testing

@Suite struct TimestepSelectionTests {
    struct Case: Decodable {
        let spacing: String
        let steps_offset: Int
        let num_train_timesteps: Int
        let n: Int
        let timesteps: [Int]
    }
    struct File: Decodable { let cases: [Case]; let inverse: [Case] }

    func configuration(_ c: Case) throws -> DDIMConfiguration {
        var config = DDIMConfiguration()
        config.timestepSpacing = try #require(TimestepSpacing(rawValue: c.spacing))
        config.stepsOffset = c.steps_offset
        config.numTrainTimesteps = c.num_train_timesteps
        return config
    }

    @Test func forwardTimestepsEqualDiffusers() throws {
        let file = try loadFixture("ddim_timesteps.json", as: File.self)
        var deviations = 0
        for c in file.cases {
            var scheduler = try DDIMScheduler(configuration: configuration(c))
            if c.timesteps.contains(where: { $0 >= c.num_train_timesteps }) {
                // diffusers returns a timestep past the schedule (leading + steps_offset): an error here.
                #expect(throws: DDIMError.self) { try scheduler.setTimesteps(c.n) }
                continue
            }
            try scheduler.setTimesteps(c.n)
            if c.timesteps.count == c.n {
                #expect(scheduler.timesteps == c.timesteps, "\(c.spacing) offset \(c.steps_offset) T=\(c.num_train_timesteps) n=\(c.n)")
            } else {
                // diffusers' trailing bug: n + 1 timesteps ending in -1. We return its first n.
                deviations += 1
                #expect(c.spacing == "trailing" && c.timesteps.count == c.n + 1 && c.timesteps.last == -1)
                #expect(scheduler.timesteps == Array(c.timesteps.prefix(c.n)), "trailing n=\(c.n)")
            }
            #expect(scheduler.timesteps.count == c.n)
            #expect(scheduler.timesteps.allSatisfy { $0 >= 0 && $0 < c.num_train_timesteps })
        }
        #expect(deviations > 0, "the fixture should contain diffusers' trailing n+1 cases (61, 103, ...)")
    }

    @Test func inverseTimestepsEqualDiffusers() throws {
        let file = try loadFixture("ddim_timesteps.json", as: File.self)
        for c in file.inverse {
            var scheduler = try DDIMInverseScheduler(configuration: configuration(c))
            try scheduler.setTimesteps(c.n)
            if c.timesteps.count == c.n && c.timesteps.allSatisfy({ $0 < c.num_train_timesteps }) {
                #expect(scheduler.timesteps == c.timesteps, "\(c.spacing) offset \(c.steps_offset) n=\(c.n)")
            }
        }
    }

    @Test(arguments: [1, 2, 10, 50, 100, 500, 800, 1000])
    func quadraticSelectionIsDistinctAscendingAndInRange(count: Int) throws {
        var config = DDIMConfiguration()
        config.timestepSpacing = .quadratic
        var scheduler = try DDIMScheduler(configuration: config)
        try scheduler.setTimesteps(count)
        let ts = scheduler.timesteps
        #expect(ts.count == count)
        #expect(zip(ts, ts.dropFirst()).allSatisfy { $0 > $1 })
        #expect(ts.last == 0 && ts.first! < 1000)
        #expect(scheduler.previousTimestep(for: ts.last!) == -1)
        if count >= 2 { #expect(scheduler.previousTimestep(for: ts[0]) == ts[1]) }
    }

    @Test func quadraticMatchesTheDDIMCodeWhereItIsDistinct() throws {
        var config = DDIMConfiguration()
        config.timestepSpacing = .quadratic
        var scheduler = try DDIMScheduler(configuration: config)
        try scheduler.setTimesteps(10)
        // int((linspace(0, sqrt(800), 10))**2) = [0, 9, 39, 88, 158, 246, 355, 483, 632, 800]
        #expect(scheduler.timesteps == [800, 632, 483, 355, 246, 158, 88, 39, 9, 0])
    }

    @Test func nextInScheduleRuleStepsToTheNextEntry() throws {
        var config = DDIMConfiguration()
        config.timestepSpacing = .trailing
        config.previousTimestepRule = .nextInSchedule
        var scheduler = try DDIMScheduler(configuration: config)
        try scheduler.setTimesteps(3)
        #expect(scheduler.timesteps == [999, 666, 332])
        #expect(scheduler.previousTimestep(for: 999) == 666)
        #expect(scheduler.previousTimestep(for: 332) == -1)
        config.previousTimestepRule = .diffusers
        scheduler = try DDIMScheduler(configuration: config)
        try scheduler.setTimesteps(3)
        #expect(scheduler.previousTimestep(for: 999) == 666)
        #expect(scheduler.previousTimestep(for: 666) == 333)   // diffusers: t - T // n, not 332
    }
}
