import Testing
import Explorer

@Suite struct ChainRunTests {
    @Test func goingBackIsExact() throws {
        var run = ChainRun(settings: smallSettings(steps: 10), probeSize: 16)
        var seen: [SampleBatch] = [try #require(run.current)]
        for _ in 0..<6 {
            run.stepForward()
            seen.append(try #require(run.current))
        }
        for expected in seen.reversed().dropFirst() {
            run.stepBack()
            #expect(run.current == expected)
        }
        #expect(run.cursor == 0)
        // Forward again shows the stored states, bit for bit, even with eta > 0.
        for expected in seen.dropFirst() {
            run.stepForward()
            #expect(run.current == expected)
        }
    }

    @Test func goingBackIsExactWithNoise() throws {
        var settings = smallSettings(steps: 10)
        settings.eta = 1
        var run = ChainRun(settings: settings, probeSize: 16)
        run.show(step: 5)
        let fifth = try #require(run.current)
        run.jumpToEnd()
        run.show(step: 5)
        #expect(run.current == fifth)
        #expect(run.cursor == 5)
    }

    @Test func qualityIsMeasuredAtEveryComputedStep() {
        var run = ChainRun(settings: smallSettings(steps: 10), probeSize: 128)
        run.jumpToEnd()
        #expect(run.quality.count == 11)
        #expect(run.quality.allSatisfy { $0 != nil })
        let first = run.quality[0]!, last = run.quality[10]!
        #expect(last.distance < first.distance, "the sample should be closer to the data than the noise")
    }

    @Test func zeroSNRWithEpsilonWarnsAndNeverCrashes() {
        var settings = smallSettings(steps: 10)
        settings.configuration.rescaleBetasZeroSnr = true
        settings.configuration.timestepSpacing = .trailing
        settings.configuration.predictionType = .epsilon
        var model = ExplorerModel(settings: settings, probeSize: 16)
        model.perform(.togglePlay)
        for _ in 0..<30 { _ = model.update(.tick) }
        #expect(model.warning != nil)
        #expect(!model.isPlaying)
        let frame = model.view(width: 80, height: 24, depth: .monochrome, glyphs: .ascii)
        #expect(frame.plainText.contains("⚠"))
    }

    @Test func inversionReconstructsTheData() throws {
        var run = InversionRun(settings: smallSettings(steps: 50))
        while !run.advanceTowardsEnd(pointStepBudget: 1_000) {}
        let error = try #require(run.reconstructionError)
        #expect(error.isFinite)
        #expect(error < 0.5)
        #expect(run.cursor == run.totalSteps)
        run.stepBack()
        #expect(!run.isAtEnd)
    }

    @Test func interpolationEndsAtBothSeeds() throws {
        var run = InterpolationRun(settings: smallSettings(steps: 10))
        let noise = run.currentNoise
        #expect(noise == run.first)
        run.moveAlpha(to: InterpolationRun.frameCount - 1)
        let end = run.currentNoise
        for i in end.values.indices { #expect(abs(end.values[i] - run.second.values[i]) < 1e-4) }
        #expect(run.current != nil)
    }
}
