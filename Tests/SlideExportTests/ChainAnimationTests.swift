import Canvas
import Points
import Foundation
import Testing
@testable import SlideExport

@Suite struct ChainAnimationTests {
    /// Three states that walk 50 points from a ring of radius 2 to a ring of radius 0.2 around (0.9, 0.9).
    static let states: [SampleBatch] = (0..<3).map { k in
        var values: [Float] = []
        for i in 0..<50 {
            let angle = Float(i) * 0.1256
            let pull = Float(k) * 0.45
            let radius: Float = (1 - pull) * 2
            values.append(radius * cos(angle) + pull)
            values.append(radius * sin(angle) + pull)
        }
        return SampleBatch(count: 50, dimension: 2, values: values)
    }

    static let animation = ChainAnimation(states: states, labels: ["STEP 0/2", "STEP 1/2", "SAMPLES"],
                                          viewport: Viewport(halfExtent: 2.5), background: states[2], followedRows: [0, 25],
                                          style: .init(width: 160, height: 120))

    @Test func everyStateIsAFrameWithTheCloudTrailsAndLabel() throws {
        let bytes = try Self.animation.gif(frameDelay: 10, finalDelay: 100).encoded()
        let decoded = try #require(DecodedGIF(bytes: bytes))
        #expect(decoded.frames.count == 3)
        #expect(decoded.width == 160 && decoded.height == 120)
        let last = try #require(decoded.frames.last)
        let layers = Set(last)
        #expect(layers.contains(ChainAnimation.Layer.points), "the cloud is drawn in the last frame")
        #expect(layers.contains(ChainAnimation.Layer.firstTrail) && layers.contains(ChainAnimation.Layer.firstTrail + 1))
        #expect(layers.contains(ChainAnimation.Layer.label))
        // The ring's points spread over the picture; the cluster's do not.
        let spread = { (frame: [UInt8]) in Set(frame.indices.filter { frame[$0] == ChainAnimation.Layer.points }.map { $0 % 160 }).count }
        #expect(spread(decoded.frames[0]) > 2 * spread(last))
    }

    @Test func theSVGAnimatesOneGroupPerStateInALoop() {
        let svg = Self.animation.svg(frameDelay: 10, finalDelay: 100)
        #expect(svg.hasPrefix("<svg"))
        #expect(svg.components(separatedBy: "<g visibility=").count - 1 == 3)
        #expect(svg.components(separatedBy: "repeatCount=\"indefinite\"").count - 1 == 3)
        #expect(svg.contains("dur=\"1.2s\""))      // 10 + 10 + 100 hundredths
        #expect(svg.contains(">SAMPLES</text>"))
        #expect(svg.contains("keyTimes=\"0;0.08333;0.16667\""))   // the middle frame: from 10/120 to 20/120
    }
}
