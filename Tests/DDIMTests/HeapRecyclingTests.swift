import Testing
@testable import DDIM

@Suite struct HeapRecyclingTests {
    @Test func smallOutputsLeaveMallocAlone() {
        #expect(!HeapRecycling.prepare(forElements: HeapRecycling.minimumElements - 1))
    }

    #if os(Linux)
    /// glibc accepts both thresholds, and asking again is harmless.
    @Test func largeOutputsRaiseGlibcsThresholds() {
        #expect(HeapRecycling.prepare(forElements: 2_000_000))
        #expect(HeapRecycling.prepare(forElements: HeapRecycling.minimumElements))
    }
    #endif
}
