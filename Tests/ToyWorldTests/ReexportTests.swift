import Testing
import ToyWorld

@Test func toyWorldReexportsTheSchedulerCore() {
    #expect(SampleBatch(zerosCount: 3, dimension: 2).values.count == 6)
}
