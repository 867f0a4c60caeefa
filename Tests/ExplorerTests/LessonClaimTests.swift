import Testing
@testable import Explorer
import ToyWorld

/// One test per claim a lesson page makes, measured on the numbers its screen shows: the page is
/// set up as the explorer sets it up, each side run to its end, and the quality panel's numbers
/// (MMD and noise floor on the probe's points) and the tracked points compared with the words.
@Suite(.serialized) struct LessonClaimTests {
    @Test func etaZeroIsDeterministicAndEndsAtItsNoiseFloor() throws {
        let screen = try LessonScreen(lesson: 1, page: 1)
        let again = try LessonScreen(lesson: 1, page: 1)
        #expect(screen.sides[0].final == again.sides[0].final)
        #expect(screen.sides[0].quality.distance <= screen.sides[0].noiseFloor)
    }

    @Test func etaOneEndsFurtherFromTheDataAndTheTrackedPointsElsewhere() throws {
        let screen = try LessonScreen(lesson: 1, page: 2)
        let (left, right) = (screen.sides[0], screen.sides[1])
        #expect(left.quality.distance <= left.noiseFloor)
        #expect(right.quality.distance > right.noiseFloor)
        #expect(right.quality.distance > 1.5 * left.quality.distance)
        #expect(screen.trackedDistances.allSatisfy { $0 > 1 })
    }

    @Test func atFewStepsEtaOneIsWorseWithTheLearnedModel() throws {
        let screen = try LessonScreen(lesson: 1, page: 3)
        #expect(screen.sides.allSatisfy { $0.run.settings.model?.name == "learned:two-moons" })
        let (left, right) = (screen.sides[0], screen.sides[1])
        #expect(right.quality.distance > left.quality.distance)
        #expect(right.quality.distance - left.quality.distance < left.noiseFloor)
    }

    @Test func atManyStepsBothEndBelowTheNoiseFloor() throws {
        let screen = try LessonScreen(lesson: 1, page: 4)
        let (left, right) = (screen.sides[0], screen.sides[1])
        #expect(left.quality.distance < left.noiseFloor && right.quality.distance < right.noiseFloor)
        #expect(right.quality.distance < left.quality.distance)
    }

    @Test func sigmaHatAtFewSteps() throws {
        let screen = try LessonScreen(lesson: 1, page: 5)
        let (left, right) = (screen.sides[0], screen.sides[1])
        #expect(right.run.settings.configuration.varianceKind == .largeSigmaHat)
        #expect(right.quality.distance < left.quality.distance)
    }

    @Test func tenAndOneHundredStepsAgreePointForPoint() throws {
        let screen = try LessonScreen(lesson: 2, page: 1)
        let (left, right) = (screen.sides[0], screen.sides[1])
        #expect(left.quality.distance > right.quality.distance)
        #expect(screen.trackedDistances.allSatisfy { $0 < 0.3 })
    }

    @Test func withNoiseTheTrackedPointsPartWays() throws {
        let screen = try LessonScreen(lesson: 2, page: 2)
        #expect(screen.trackedDistances.allSatisfy { $0 > 0.5 })
    }

    @Test func twoStepsPredictASqueezedCloudFirst() throws {
        let screen = try LessonScreen(lesson: 2, page: 3)
        let (left, right) = (screen.sides[0], screen.sides[1])
        let first = left.chain.predictedOriginals[0]
        #expect(spread(first) < spread(left.run.data) / 3)
        #expect(left.quality.distance > 3 * right.quality.distance)
    }

    @Test func theLearnedModelScoresAboveTheExactOne() throws {
        let screen = try LessonScreen(lesson: 3, page: 1)
        let (left, right) = (screen.sides[0], screen.sides[1])
        #expect(left.run.settings.model == nil && right.run.settings.model?.name == "learned:two-moons")
        #expect(right.quality.distance > left.quality.distance)
    }

    @Test func atFewStepsBothModelsAreFarAboveTheFloor() throws {
        let screen = try LessonScreen(lesson: 3, page: 2)
        let (left, right) = (screen.sides[0], screen.sides[1])
        #expect(left.quality.distance > 1.5 * left.noiseFloor && right.quality.distance > 1.5 * right.noiseFloor)
        #expect(abs(left.quality.distance - right.quality.distance) < left.noiseFloor)
    }

    @Test func cosineKeepsMoreSignalAtTheMiddleLevel() throws {
        let screen = try LessonScreen(lesson: 4, page: 1)
        let linear = screen.sides[0].chain.scheduler.alphaProduct(at: 500)
        let cosine = screen.sides[1].chain.scheduler.alphaProduct(at: 500)
        #expect(Text.number(linear, 2) == "0.08" && Text.number(cosine, 2) == "0.49")
    }

    @Test func leadingStartsAt800AndTrailingAt999() throws {
        let screen = try LessonScreen(lesson: 4, page: 2)
        #expect(screen.sides[0].chain.timesteps == [800, 600, 400, 200, 0])
        #expect(screen.sides[1].chain.timesteps.first == 999)
    }

    @Test func clippingAtOneKeepsEverySampleInTheBox() throws {
        let screen = try LessonScreen(lesson: 4, page: 3)
        #expect(largest(screen.sides[0].final) > 1.5)
        #expect(largest(screen.sides[1].final) <= 1)
    }

    @Test func thresholdingWithItsDefaultMaximumActsLikeClippingAtOne() throws {
        let screen = try LessonScreen(lesson: 4, page: 4)
        #expect(screen.sides[1].run.settings.configuration.sampleMaxValue == 1)
        #expect(largest(screen.sides[1].final) <= 1)
        #expect(largest(screen.sides[0].final) > 1.5)
    }

    @Test func zeroSNRStopsEpsilonButNotV() throws {
        var screen = try LessonScreen(lesson: 4, page: 5)
        var left = screen.model.runs[0]
        left.jumpToEnd()
        #expect(left.firstNonFiniteStep == 1 || left.error != nil)
        screen.model.runs[0] = left
        #expect(screen.model.warning?.contains("left") == true)
        let right = screen.sides[1]
        #expect(right.final.isFinite && right.quality.distance < 1.5 * right.noiseFloor)
    }

    func spread(_ batch: SampleBatch) -> Float {
        let n = Float(batch.count)
        let mx = (0..<batch.count).map { batch[$0, 0] }.reduce(0, +) / n, my = (0..<batch.count).map { batch[$0, 1] }.reduce(0, +) / n
        let variance = (0..<batch.count).map { (batch[$0, 0] - mx) * (batch[$0, 0] - mx) + (batch[$0, 1] - my) * (batch[$0, 1] - my) }
        return (variance.reduce(0, +) / n).squareRoot()
    }

    func largest(_ batch: SampleBatch) -> Float { batch.values.map { abs($0) }.max() ?? 0 }
}
