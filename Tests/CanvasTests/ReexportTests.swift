import Testing
import Canvas

@Test func canvasReexportsTheSchedulerCore() {
    #expect(SampleBatch(zerosCount: 3, dimension: 2).values.count == 6)
}
