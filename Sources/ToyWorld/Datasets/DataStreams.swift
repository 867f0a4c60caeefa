/// Philox stream numbers used for data (never for the sampler's noise).
enum DataStreams {
    static let choice: UInt32 = 0x0D47_A001
    static let normal: UInt32 = 0x0D47_A002
    static let reference: UInt64 = 0x5EED_2EF0
}
