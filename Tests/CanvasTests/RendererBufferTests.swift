import Testing
@testable import Canvas
import DDIM

@Suite struct RendererBufferTests {
    @Test func steadyStateFramesReuseTheCountBuffers() {
        var generator = PhiloxGenerator(seed: 4, stream: 2)
        let points = SampleBatch(count: 5000, dimension: 2, values: generator.normals(count: 10_000))
        var renderer = PointCloudRenderer()
        var frame = Frame(width: 50, height: 20)
        let style = PointCloudStyle(mode: .braille, depth: .palette256)
        renderer.draw(points, into: &frame, rect: frame.bounds, viewport: Viewport(halfExtent: 3), style: style)
        let counts = renderer.counts.withUnsafeBufferPointer { $0.baseAddress }
        let masks = renderer.masks.withUnsafeBufferPointer { $0.baseAddress }
        frame.clear()
        renderer.draw(points, into: &frame, rect: frame.bounds, viewport: Viewport(halfExtent: 2), style: style)
        #expect(renderer.counts.withUnsafeBufferPointer { $0.baseAddress } == counts)
        #expect(renderer.masks.withUnsafeBufferPointer { $0.baseAddress } == masks)
    }
}
