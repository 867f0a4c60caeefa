import Foundation
@testable import Explorer
import Learned
import ToyWorld

/// The shipped learned model of `kind`, read from the checkout's Assets/models.
func shippedModel(_ kind: DatasetKind) -> RunModel? {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Assets/models/\(kind.rawValue).safetensors")
    guard let file = try? ModelFile(contentsOf: url) else { return nil }
    return RunModel(name: "learned:\(kind.rawValue)", denoiser: file.denoiser)
}

/// A lesson page as the explorer sets it up (launched with its defaults), with each side run to
/// its end and the numbers the quality panel shows there.
struct LessonScreen {
    struct Side {
        var run: ChainRun
        var chain: SamplingChain
        /// What the quality panel shows at the end of the run.
        var quality: QualityPoint
        var noiseFloor: Float { run.noiseFloor }
        var final: SampleBatch { chain.current }
    }

    var model: ExplorerModel
    var sides: [Side]

    /// Page `page` of lesson `lesson` (both counted from 1, as the panel titles them).
    init(lesson: Int, page: Int) throws {
        var model = ExplorerModel(settings: RunSettings(dataset: .twoMoons))
        model.learnedModels = shippedModel
        model.press(.toggleLessons)
        model.lessonIndex = lesson - 1
        model.pageIndex = page - 1
        model.applyLessonPage()
        self.model = model
        // The run to its end as the screen computes it, measured once at the end (the panel
        // measures every step; the last measurement is the same call on the same state).
        sides = try model.runs.map { run in
            var chain = try SamplingChain(settings: run.settings)
            try? chain.runToEnd()   // a step that throws leaves the chain where it stopped, as on screen
            return Side(run: run, chain: chain,
                        quality: QualityProbe.measure(chain.current, against: run.data, sampleSize: run.probeSize))
        }
    }

    /// Distance between the two sides' final positions of each tracked point.
    var trackedDistances: [Float] {
        model.trackedPoints.map { row in
            let a = sides[0].final, b = sides[1].final
            return hypot(a[row, 0] - b[row, 0], a[row, 1] - b[row, 1])
        }
    }
}
