import Foundation
import Testing

@Suite struct CLITableTests {
    let small = ["table", "--count", "200", "--inversion-count", "100", "--step-counts", "5,20",
                 "--inversion-step-counts", "10,100", "--repeats", "2"]

    @Test func markdownHasBothTablesWithTheirShapes() throws {
        let result = try runExplorer(small)
        #expect(result.status == 0)
        let text = result.stdout
        #expect(text.contains("### Table 1: sample quality, MMD × 10^-"))
        #expect(text.contains("200 samples per run, mean ± standard error of 2 runs"))
        #expect(text.contains("| | S = 5 | S = 20 |"))
        for label in ["| η = 0.0 |", "| η = 0.2 |", "| η = 0.5 |", "| η = 1.0 |", "| σ̂ |", "| time / sample |"] {
            #expect(text.contains(label), "missing row \(label)")
        }
        #expect(text.contains("Noise floor: MMD between two independent data samples of 200 points"))
        #expect(text.contains("### Table 2: DDIM inversion x0 -> x_T -> x0"))
        #expect(text.contains("| S | 10 | 100 |"))
        #expect(text.contains("Settings: dataset eight-gaussians"))
    }

    @Test func csvIsOneLinePerCell() throws {
        let result = try runExplorer(small + ["--format", "csv"])
        #expect(result.status == 0)
        let rows = lines(result.stdout)
        #expect(rows.first == "table,row,steps,value,standard_error,seconds_per_sample")
        #expect(rows.count == 1 + 5 * 2 + 1 + 2)
        #expect(rows.contains { $0.hasPrefix("generation,sigma-hat,20,") })
        #expect(rows.contains { $0.hasPrefix("generation,noise-floor,,") })
        #expect(rows.contains { $0.hasPrefix("reconstruction,mse,100,") })
    }

    @Test func jsonReconstructionErrorShrinksWithSteps() throws {
        let result = try runExplorer(["table", "--tables", "2", "--inversion-count", "100", "--inversion-step-counts", "10,100",
                                      "--format", "json"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["generation"] == nil)
        let reconstruction = try #require(object["reconstruction"] as? [String: Any])
        let values = try #require(reconstruction["values"] as? [Double])
        #expect(values.count == 2)
        #expect(values[1] < values[0])
    }

    @Test(arguments: [
        (["table", "--step-counts", "10,0"], "error: invalid value '0' for --step-counts"),
        (["table", "--inversion-step-counts", "2000"], "error: invalid value '2000' for --inversion-step-counts"),
        (["table", "--count", "1"], "error: invalid value '1' for --count"),
        (["table", "--repeats", "0"], "error: invalid value '0' for --repeats"),
        (["table", "--dataset", "nope"], "error: invalid value 'nope' for --dataset"),
    ])
    func badInputFails(arguments: [String], message: String) throws {
        let result = try runExplorer(arguments)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix(message), "stderr: \(result.stderr)")
    }

    @Test func unparsableStepListIsRejected() throws {
        let result = try runExplorer(["table", "--step-counts", "10,x"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("--step-counts"))
    }
}
