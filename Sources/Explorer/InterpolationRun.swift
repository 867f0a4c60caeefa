import Foundation
import ToyWorld

/// The interpolate mode's run: the initial noise of two seeds, slerped as one latent (as in the
/// DDIM paper, section 5.3, and the `interpolate` command), each blend decoded by DDIM with eta 0.
///
/// ```swift
/// var run = InterpolationRun(settings: RunSettings())
/// run.moveAlpha(by: 5)     // alpha 0.25
/// run.current              // the decoded cloud at that blend
/// ```
public struct InterpolationRun: Sendable {
    public let settings: RunSettings
    /// Noise of seed `settings.seed` and of the next seed.
    public let first: SampleBatch
    public let second: SampleBatch
    /// Decoded clouds, one per alpha frame, filled in as they are visited.
    public private(set) var decoded: [SampleBatch?]
    public private(set) var frame = 0
    public private(set) var error: String?
    public private(set) var hasNonFiniteValues = false
    private var direction = 1
    let sampler: DeterministicSampler?

    /// Number of alpha values from 0 to 1.
    public static let frameCount = 21

    /// At most this many points are decoded per frame, so playing stays smooth.
    public static let maximumCount = 2_000

    public init(settings requested: RunSettings) {
        var settings = requested
        settings.count = min(settings.count, InterpolationRun.maximumCount)
        self.settings = settings
        var other = settings
        other.seed = settings.seed &+ 1
        var sampler: DeterministicSampler?
        var first = SampleBatch(zerosCount: 0, dimension: 2), second = first
        do {
            first = try SamplingChain(settings: settings).states[0]
            second = try SamplingChain(settings: other).states[0]
            sampler = try DeterministicSampler(settings: settings)
        } catch {
            self.error = "\(error)"
        }
        self.first = first
        self.second = second
        self.sampler = sampler
        self.decoded = Array(repeating: nil, count: InterpolationRun.frameCount)
        decodeCurrent()
    }

    /// The blend on screen, 0 (first seed) to 1 (second seed).
    public var alpha: Float { Float(frame) / Float(InterpolationRun.frameCount - 1) }
    /// The decoded cloud on screen.
    public var current: SampleBatch? { decoded[frame] }
    /// The noise on screen (the slerp of the two seeds' noise).
    public var currentNoise: SampleBatch { (try? Slerp.interpolate(first, second, alpha: alpha)) ?? first }

    /// Moves `offset` frames, clamped to 0…1.
    public mutating func moveAlpha(by offset: Int) {
        moveAlpha(to: frame + offset)
    }

    /// Moves to frame `index` (clamped).
    public mutating func moveAlpha(to index: Int) {
        frame = max(0, min(index, InterpolationRun.frameCount - 1))
        decodeCurrent()
    }

    /// The playback step: back and forth between the two seeds.
    public mutating func advanceAlpha() {
        if frame + direction < 0 || frame + direction >= InterpolationRun.frameCount { direction = -direction }
        moveAlpha(by: direction)
    }

    private mutating func decodeCurrent() {
        guard decoded[frame] == nil, let sampler, error == nil else { return }
        do {
            let points = try sampler.decode(currentNoise)
            if !points.isFinite { hasNonFiniteValues = true }
            decoded[frame] = points
        } catch {
            self.error = "\(error)"
        }
    }
}
