import Foundation
import Testing

@Suite struct RenderAnimationTests {
    /// The logical screen size and the number of images of a GIF, read by walking its blocks.
    struct GIFStructure {
        var width = 0, height = 0, images = 0, loops = false

        init?(_ bytes: [UInt8]) {
            guard bytes.count > 13, Array(bytes.prefix(6)) == Array("GIF89a".utf8) else { return nil }
            width = Int(bytes[6]) | Int(bytes[7]) << 8
            height = Int(bytes[8]) | Int(bytes[9]) << 8
            var i = 13 + (bytes[10] & 0x80 != 0 ? 3 << (Int(bytes[10] & 7) + 1) : 0)
            func skipSubBlocks() { while i < bytes.count, bytes[i] != 0 { i += Int(bytes[i]) + 1 }; i += 1 }
            while i < bytes.count {
                switch bytes[i] {
                case 0x21:
                    if bytes[i + 1] == 0xFF, String(decoding: bytes[(i + 3)..<(i + 14)], as: UTF8.self) == "NETSCAPE2.0" { loops = true }
                    i += 2
                    skipSubBlocks()
                case 0x2C:
                    images += 1
                    let local = bytes[i + 9]
                    i += 10 + (local & 0x80 != 0 ? 3 << (Int(local & 7) + 1) : 0) + 1
                    skipSubBlocks()
                case 0x3B: return
                default: return nil
                }
            }
            return nil
        }
    }

    @Test func aGIFHasOneFrameAStepAndLoops() throws {
        let path = try temporaryFile("", name: "chain.gif")
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let result = try runExplorer(["render", "--dataset", "two-moons", "--count", "400", "--steps", "12", "--eta", "1",
                                      "--plain", "--width", "40", "--height", "10", "--animate", path, "--image-size", "200"])
        #expect(result.status == 0, "\(result.stderr)")
        let gif = try #require(GIFStructure(Array(try Data(contentsOf: URL(fileURLWithPath: path)))))
        #expect(gif.images == 13)
        #expect(gif.width == 200 && gif.height == 200)
        #expect(gif.loops)
    }

    @Test func anSVGAnimatesEveryStateAndItsLastFrameHoldsTheCloud() throws {
        let path = try temporaryFile("", name: "chain.svg")
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let result = try runExplorer(["render", "--dataset", "two-moons", "--count", "300", "--steps", "5", "--plain",
                                      "--width", "40", "--height", "10", "--animate", path, "--fps", "4", "--hold", "1"])
        #expect(result.status == 0, "\(result.stderr)")
        let svg = try String(contentsOfFile: path, encoding: .utf8)
        let groups = svg.components(separatedBy: "<g visibility=")
        #expect(groups.count - 1 == 6)
        let last = try #require(groups.last)
        #expect(last.contains("samples (5 steps)"))
        #expect(last.components(separatedBy: "h").count > 250, "the last frame draws most of the 300 points")
        #expect(svg.contains("dur=\"2.25s\""))   // five frames of 0.25 s, then 1 s
    }

    @Test(arguments: [(["--animate", "out.png"], "--animate"), (["--animate", "a.gif", "--fps", "0"], "--fps"),
                      (["--animate", "a.gif", "--hold", "nan"], "--hold"), (["--animate", "a.gif", "--image-size", "9999"], "--image-size")])
    func badAnimationFlagsAreRefusedByName(arguments: [String], flag: String) throws {
        let result = try runExplorer(["render", "--plain", "--count", "10", "--steps", "2"] + arguments)
        #expect(result.status != 0)
        #expect(result.stderr.contains(flag), "\(result.stderr)")
    }
}
