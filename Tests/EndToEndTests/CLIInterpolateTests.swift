import Foundation
import Testing

@Suite struct CLIInterpolateTests {
    @Test func endpointsAreTheSamplesOfTheTwoSeeds() throws {
        let common = ["--count", "6", "--steps", "10"]
        let result = try runExplorer(["interpolate", "--seed", "4", "--to-seed", "9", "--frames", "3"] + common)
        #expect(result.status == 0)
        let rows = lines(result.stdout)
        #expect(rows.first == "alpha,x,y")
        #expect(rows.count == 1 + 3 * 6)
        let alphas = rows.dropFirst().map { String($0.prefix { $0 != "," }) }
        #expect(alphas == Array(repeating: "0.0", count: 6) + Array(repeating: "0.5", count: 6) + Array(repeating: "1.0", count: 6))
        let strip: (String) -> String = { String($0.drop { $0 != "," }.dropFirst()) }
        let first = try runExplorer(["sample", "--seed", "4"] + common)
        let second = try runExplorer(["sample", "--seed", "9"] + common)
        #expect(rows[1...6].map(strip) == Array(lines(first.stdout).dropFirst()))
        #expect(rows[13...18].map(strip) == Array(lines(second.stdout).dropFirst()))
        #expect(rows[7...12].map(strip) != rows[1...6].map(strip))
    }

    @Test func nearbyAlphasGiveNearbyPoints() throws {
        let result = try runExplorer(["interpolate", "--count", "50", "--steps", "20", "--frames", "21"])
        #expect(result.status == 0)
        let values = lines(result.stdout).dropFirst().map { $0.split(separator: ",").compactMap { Double($0) } }
        #expect(values.count == 21 * 50)
        var largest = 0.0, endToEnd = 0.0
        for point in 0..<50 {
            for frame in 1..<21 {
                let a = values[(frame - 1) * 50 + point], b = values[frame * 50 + point]
                largest = max(largest, hypot(a[1] - b[1], a[2] - b[2]))
            }
            endToEnd += hypot(values[point][1] - values[20 * 50 + point][1], values[point][2] - values[20 * 50 + point][2])
        }
        #expect(endToEnd / 50 > 0.5, "the two seeds decode to different points")
        #expect(largest < endToEnd / 50 * 3, "no frame-to-frame jump larger than a few average end-to-end moves")
    }

    @Test(arguments: [
        (["interpolate", "--eta", "0.5"], "error: invalid value '0.5' for --eta; allowed: 0"),
        (["interpolate", "--frames", "1"], "error: invalid value '1' for --frames"),
        (["interpolate", "--dataset", "moon"], "error: invalid value 'moon' for --dataset"),
    ])
    func badInputFails(arguments: [String], message: String) throws {
        let result = try runExplorer(arguments)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix(message), "stderr: \(result.stderr)")
    }
}
