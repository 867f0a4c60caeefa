import Foundation
import Testing

@Suite struct BenchCommandTests {
    @Test func quickRunPrintsATableWithEveryRowShape() throws {
        let result = try runExplorer(["bench", "--quick"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let header = "| Benchmark | N | eta | median ms | best ms | CPU ms | throughput | × bound | diffusers ms | speed-up | target |"
        let headerIndex = try #require(lines.firstIndex(of: header))
        let tableRows = lines[(headerIndex + 2)...].filter { $0.hasPrefix("|") }
        // Every row has the eleven columns of the header.
        for row in tableRows { #expect(row.split(separator: "|", omittingEmptySubsequences: false).count == 13, "\(row)") }
        // --quick: bound plus eta 0 and 1 steps for two sizes, noise, denoisers, sampling, raster.
        let steps = tableRows.filter { $0.hasPrefix("| DDIMScheduler.step") }
        #expect(steps.count == 8)
        #expect(steps.filter { $0.hasPrefix("| DDIMScheduler.step(into:)") }.count == 4)
        #expect(tableRows.filter { $0.hasPrefix("| memory bound") }.count == 2)
        #expect(tableRows.contains { $0.hasPrefix("| PhiloxGenerator.fillNormals") })
        #expect(tableRows.contains { $0.hasPrefix("| exact denoiser: kernel density") })
        #expect(tableRows.contains { $0.hasPrefix("| exact denoiser: Gaussian mixture") })
        #expect(tableRows.contains { $0.contains("-step DDIM sample") })
        #expect(tableRows.contains { $0.hasPrefix("| rasterize into 200x60 cells") })
        #expect(tableRows.contains { $0.hasPrefix("| explorer frame while playing") })
        #expect(tableRows.contains { $0.hasPrefix("| ToyMLP inference (default layout, one timestep) | 2,000 |") })
        #expect(tableRows.contains { $0.hasPrefix("| ToyMLP training step (batch 64, AdamW) | 64 |") && $0.contains(" steps/s |") })
        #expect(tableRows.filter { $0.contains("OpenBLAS threads") }.count == 2)
        #expect(!tableRows.contains { $0.hasPrefix("| train ToyMLP") }, "the quality group runs only when asked for")
        for row in steps {
            let cells = row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            #expect(Double(cells[3]).map { $0 > 0 } == true, "median of \(row)")
            #expect(Double(cells[4]).map { $0 > 0 } == true, "best of \(row)")
            #expect(Double(cells[5]).map { $0 >= 0 } == true, "CPU time of \(row)")
            #expect(Double(cells[7]).map { $0 > 0 } == true, "ratio to bound of \(row)")
        }
    }

    @Test func jsonFormatAndDiffusersColumns() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("bench-diffusers-\(UUID()).json")
        defer { try? FileManager.default.removeItem(at: file) }
        let diffusers = """
            {"torch": "2.15.0", "diffusers": "0.42.1", "threads": 2,
             "results": [{"n": 1000, "eta": 0.0, "median_ms": 0.5}, {"n": 10000, "eta": 1.0, "median_ms": 2.0}],
             "mlp": {"train": {"batch": 64, "median_step_ms": 3.0}, "inference": {"n": 2000, "median_ms": 4.0}}}
            """
        try Data(diffusers.utf8).write(to: file)
        let result = try runExplorer(["bench", "--quick", "--samples", "1", "--format", "json", "--diffusers", file.path])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let rows = try #require(object["rows"] as? [[String: Any]])
        let compared = rows.filter { $0["diffusersMilliseconds"] != nil }
        // Four step rows and the library's two learned rows (bench_torch_mlp.py's "mlp" key).
        #expect(compared.count == 6)
        #expect(compared.filter { ($0["group"] as? String)?.hasPrefix("learned") == true }.count == 2)
        for row in compared {
            let median = try #require(row["medianMilliseconds"] as? Double)
            let diffusersMs = try #require(row["diffusersMilliseconds"] as? Double)
            let speedUp = try #require(row["speedUp"] as? Double)
            #expect(abs(speedUp - diffusersMs / median) < 1e-9 * max(1, speedUp))
        }
    }

    @Test func badArgumentsAreReported() throws {
        let missing = try runExplorer(["bench", "--quick", "--diffusers", "/nonexistent/diffusers.json"])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("--diffusers /nonexistent/diffusers.json"))
        let threads = try runExplorer(["bench", "--threads", "0"])
        #expect(threads.status != 0)
        #expect(threads.stderr.contains("invalid value '0' for --threads"))
    }
}
