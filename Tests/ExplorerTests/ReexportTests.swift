import Testing
import Explorer

@Test func explorerReexportsTheSchedulerCore() {
    #expect(SampleBatch(zerosCount: 3, dimension: 2).values.count == 6)
}
