import Foundation
import Testing

@Suite struct CLIDataTests {
    static let datasetNames = ["eight-gaussians", "grid", "two-moons", "swiss-roll", "circles", "checkerboard", "pinwheel",
                               "two-spirals", "letters"]

    @Test func listNamesEveryDataset() throws {
        let result = try runExplorer(["data", "--list"])
        #expect(result.status == 0)
        let rows = lines(result.stdout)
        #expect(rows.first == "name,description")
        let names = rows.dropFirst().map { String($0.prefix { $0 != "," }) }
        #expect(names == Self.datasetNames)
        #expect(rows.dropFirst().allSatisfy { $0.count > $0.prefix { $0 != "," }.count + 10 })
    }

    @Test(arguments: datasetNames)
    func everyDatasetPrintsItsPoints(name: String) throws {
        let result = try runExplorer(["data", "--dataset", name, "--count", "50", "--seed", "2"])
        #expect(result.status == 0)
        let rows = lines(result.stdout)
        #expect(rows.first == "x,y")
        #expect(rows.count == 51)
        let values = rows.dropFirst().flatMap { $0.split(separator: ",").compactMap { Float($0) } }
        #expect(values.count == 100)
        #expect(values.allSatisfy { $0.isFinite && abs($0) < 4 })
        #expect(try runExplorer(["data", "--dataset", name, "--count", "50", "--seed", "2"]).stdout == result.stdout)
        #expect(try runExplorer(["data", "--dataset", name, "--count", "50", "--seed", "3"]).stdout != result.stdout)
    }

    @Test func userDataIsStandardized() throws {
        let path = try temporaryFile("10\t20\n12\t20\n14\t26\n", name: "points.tsv")
        let result = try runExplorer(["data", "--data", path, "--standardize"])
        #expect(result.status == 0)
        let rows = lines(result.stdout).dropFirst().map { $0.split(separator: ",").compactMap { Double($0) } }
        #expect(rows.count == 3)
        let meanX = rows.map { $0[0] }.reduce(0, +) / 3
        let varianceY = rows.map { $0[1] * $0[1] }.reduce(0, +) / 3
        #expect(abs(meanX) < 1e-6)
        #expect(abs(varianceY - 1) < 1e-5)
    }

    @Test func listAsJSON() throws {
        let result = try runExplorer(["data", "--list", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect((object["data"] as? [[String]])?.map { $0[0] } == Self.datasetNames)
    }

    @Test func unknownDatasetFails() throws {
        let result = try runExplorer(["data", "--dataset", "mandelbrot"])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("error: invalid value 'mandelbrot' for --dataset; allowed: one of eight-gaussians, grid"))
    }
}
