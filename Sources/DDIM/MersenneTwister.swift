/// The 32-bit Mersenne Twister MT19937 (Matsumoto & Nishimura 1998) with the standard
/// initialization and tempering, as used by torch's CPU generator.
///
/// ```swift
/// var mt = MersenneTwister(seed: 5489)
/// let first = mt.next()   // 3499211612, the reference first output for seed 5489
/// ```
public struct MersenneTwister: Sendable, Hashable {
    @usableFromInline static let stateSize = 624
    @usableFromInline static let shift = 397

    @usableFromInline var state: [UInt32]
    @usableFromInline var index: Int

    /// A generator seeded with `seed` by the standard MT19937 initialization.
    public init(seed: UInt32) {
        var state = [UInt32](repeating: 0, count: Self.stateSize)
        state[0] = seed
        for i in 1..<Self.stateSize {
            let previous = state[i - 1]
            state[i] = 1_812_433_253 &* (previous ^ (previous >> 30)) &+ UInt32(i)
        }
        self.state = state
        self.index = Self.stateSize
    }

    /// The next 32 random bits.
    @inlinable
    public mutating func next() -> UInt32 {
        if index >= Self.stateSize { twist() }
        var y = state[index]
        index += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9D2C_5680
        y ^= (y << 15) & 0xEFC6_0000
        y ^= y >> 18
        return y
    }

    /// Fills `buffer` with the next `buffer.count` outputs, in order.
    @inlinable
    public mutating func fill(_ buffer: UnsafeMutableBufferPointer<UInt32>) {
        var i = 0
        while i < buffer.count {
            if index >= Self.stateSize { twist() }
            let available = min(Self.stateSize - index, buffer.count - i)
            state.withUnsafeBufferPointer { words in
                for k in 0..<available {
                    var y = words[index + k]
                    y ^= y >> 11
                    y ^= (y << 7) & 0x9D2C_5680
                    y ^= (y << 15) & 0xEFC6_0000
                    y ^= y >> 18
                    buffer[i + k] = y
                }
            }
            index += available
            i += available
        }
    }

    /// Regenerates the 624 words of state.
    @usableFromInline
    mutating func twist() {
        let n = Self.stateSize, m = Self.shift
        state.withUnsafeMutableBufferPointer { s in
            for i in 0..<n {
                let y = (s[i] & 0x8000_0000) | (s[(i + 1) % n] & 0x7FFF_FFFF)
                var value = s[(i + m) % n] ^ (y >> 1)
                if y & 1 != 0 { value ^= 0x9908_B0DF }
                s[i] = value
            }
        }
        index = 0
    }
}
