import Foundation
import Testing

@Suite struct RenderTeachingTests {
    @Test func forwardShowsTheNoisedDataAndTheWayBack() throws {
        let result = try runExplorer(["render", "--dataset", "eight-gaussians", "--count", "500", "--forward", "600",
                                      "--plain", "--width", "60", "--height", "12"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.first?.contains("forward t=600") == true)
        #expect(lines.first?.contains("ᾱ=0.0") == true)
        let caption = String(lines.last ?? "")
        #expect(caption.contains("DDIM back in 31 steps"), "\(caption)")   // 600, 580, ..., 0: 30 steps, then the end
        #expect(lines.dropFirst().dropLast(2).contains { $0.contains { "⠁⠂⠄⡀⠈⠐⠠⢀⣿".contains($0) } })
    }

    @Test func theLastLevelPrintsItsSmallAlphaBarInScientificNotation() throws {
        let result = try runExplorer(["render", "--dataset", "eight-gaussians", "--count", "100", "--forward", "999",
                                      "--plain", "--width", "80", "--height", "8"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("ᾱ=4.0e-5"), "\(result.stdout)")
    }

    @Test func forwardAnimatesTheNoisingAndTheWayBack() throws {
        let path = try temporaryFile("", name: "forward.gif")
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let result = try runExplorer(["render", "--dataset", "eight-gaussians", "--count", "300", "--forward", "999",
                                      "--steps", "10", "--plain", "--width", "40", "--height", "10", "--animate", path,
                                      "--image-size", "128"])
        #expect(result.status == 0, "\(result.stderr)")
        let gif = try #require(RenderAnimationTests.GIFStructure(Array(try Data(contentsOf: URL(fileURLWithPath: path)))))
        #expect(gif.images == 11 + 10)   // x0 and 10 noising levels, then 10 DDIM steps back
        #expect(gif.width == 128)
    }

    @Test(arguments: [(["--forward", "1000"], "--forward"), (["--forward=-1"], "--forward"), (["--field", "curl"], "--field"),
                      (["--forward", "10", "--step", "2"], "--step")])
    func badTeachingFlagsAreRefusedByName(arguments: [String], flag: String) throws {
        let result = try runExplorer(["render", "--plain", "--count", "10", "--steps", "2", "--dataset", "eight-gaussians"] + arguments)
        #expect(result.status != 0)
        #expect(result.stderr.contains(flag), "\(arguments): \(result.stderr)")
    }

    @Test func theFieldDrawsArrowsOverTheCloudAndNamesItsScale() throws {
        let result = try runExplorer(["render", "--dataset", "eight-gaussians", "--count", "200", "--steps", "20", "--step", "5",
                                      "--field", "denoised", "--plain", "--width", "70", "--height", "16"])
        #expect(result.status == 0, "\(result.stderr)")
        let arrows = result.stdout.filter { "←→↑↓↖↗↘↙".contains($0) }.count
        #expect(arrows >= 20, "\(result.stdout)")
        #expect(result.stdout.contains("field x̂0−x_t at t="))
    }

    @Test func tablePlotDrawsOneSymbolPerRowAndTheNoiseFloor() throws {
        let result = try runExplorer(["table", "--tables", "1", "--count", "200", "--repeats", "1", "--step-counts", "2,10,50",
                                      "--plot"])
        #expect(result.status == 0, "\(result.stderr)")
        let chart = try #require(result.stdout.components(separatedBy: "### Table 1 as curves").last)
        for legend in ["0 eta 0.0", "2 eta 0.2", "5 eta 0.5", "1 eta 1.0", "s sigma-hat", "noise floor"] {
            #expect(chart.contains(legend), "\(legend) in \(chart)")
        }
        #expect(chart.contains("...."))
        let refused = try runExplorer(["table", "--tables", "1", "--format", "csv", "--plot"])
        #expect(refused.status != 0 && refused.stderr.contains("--plot"))
    }
}
