@testable import DDIM
import Foundation
import Testing

/// Thousands of damaged configs (bytes replaced, inserted, deleted, files cut short) through the
/// reader: each one loads or fails with a located ``DDIMError``; none traps or hangs.
@Suite struct ConfigReaderMutationTests {
    /// A small deterministic generator (SplitMix64), so failures reproduce.
    struct SplitMix {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }

    static let seeds: [String] = ["stable-diffusion-v1-5.json", "pixart-xl-2-1024-ms.json", "deepfloyd-if-i-xl.json"]

    @Test(arguments: seeds)
    func damagedConfigsLoadOrFailWithAPlace(_ name: String) throws {
        let original = [UInt8](try Data(contentsOf: HubConfigTests.hubConfigURL(name)))
        let interesting: [UInt8] = Array("{}[],:\"\\-.0123456789eEINaftrnul \n\u{7F}".utf8) + [0x00, 0xC3, 0xA9, 0xFF, 0xF0]
        var random = SplitMix(state: UInt64(name.utf8.count))
        for _ in 0..<1500 {
            var bytes = original
            for _ in 0...random.next(3) {
                let position = random.next(bytes.count + 1)
                switch random.next(4) {
                case 0 where position < bytes.count: bytes[position] = interesting[random.next(interesting.count)]
                case 1: bytes.insert(interesting[random.next(interesting.count)], at: position)
                case 2 where position < bytes.count: bytes.remove(at: position)
                default: bytes = Array(bytes.prefix(position))
                }
            }
            do {
                let config = try DDIMConfiguration(jsonData: Data(bytes))
                _ = try? config.jsonText()
            } catch {
                switch error {
                case let .invalidJSON(line, column, _, problem):
                    #expect(line >= 1 && column >= 1 && !problem.isEmpty)
                case let .notUTF8(line, column, _):
                    #expect(line >= 1 && column >= 1)
                default:
                    #expect(!error.description.isEmpty)
                }
            }
        }
    }
}
