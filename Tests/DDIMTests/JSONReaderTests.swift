@testable import DDIM
import Foundation
import Testing

@Suite struct JSONReaderTests {
    func parse(_ text: String) throws(DDIMError) -> JSONValue {
        try JSONReader.parse(Data(text.utf8))
    }

    func failure(_ text: String) -> DDIMError? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func readsWhatPythonWrites() throws {
        let value = try parse(#"{"a": -Infinity, "b": Infinity, "c": NaN, "d": [1, 2.50, -0.0, 1e-07], "e": "\u03c3\ud83d\ude00\n"}"#)
        guard case .object(let fields) = value else { Issue.record("not an object"); return }
        #expect(fields["a"]?.doubleValue == -.infinity && fields["b"]?.doubleValue == .infinity)
        #expect(fields["c"]?.doubleValue?.isNaN == true)
        #expect(fields["d"] == .array([.number("1"), .number("2.50"), .number("-0.0"), .number("1e-07")]))
        #expect(fields["e"] == .string("σ😀\n"))
    }

    @Test func writesPythonsLayoutBack() throws {
        let text = "{\n  \"a\": [\n    1,\n    2.0\n  ],\n  \"b\": {},\n  \"c\": -Infinity,\n  \"d\": \"\\u00e9\\b\"\n}"
        #expect(try parse(text).pythonText() == text)
    }

    @Test(arguments: [
        (#"{"beta_end": 0.012,}"#, 1, 20, nil, "expected a key in quotes, found '}'"),
        ("{\n  \"lambda_min_clipped\": -Inf\n}", 2, 25, "lambda_min_clipped", "found '-Inf'"),
        (#"{"trained_betas": [0.1, 0.2 0.3]}"#, 1, 29, "trained_betas", "after item 1 of the array, found '0.3'"),
        (#"{"a": 01}"#, 1, 7, "a", "expected a number, found '01'"),
        (#"{"a": nan}"#, 1, 7, "a", "expected a value, found 'nan'"),
        (#"{"a": [1, 2"#, 1, 12, "a", "found the end of the file"),
        ("{\"a\": \"x\ny\"}", 1, 9, "a", "control character U+000A"),
        (#"{"a": 1} 2"#, 1, 10, nil, "expected the end of the file"),
    ] as [(String, Int, Int, String?, String)])
    func errorsNameLineColumnKeyAndToken(text: String, line: Int, column: Int, key: String?, words: String) {
        guard case let .invalidJSON(l, c, k, problem)? = failure(text) else {
            Issue.record("\(text) did not fail with invalidJSON: \(String(describing: failure(text)))")
            return
        }
        #expect(l == line && c == column && k == key, "\(text): \(l):\(c) \(String(describing: k))")
        #expect(problem.contains(words), "\(problem)")
        #expect(!(failure(text)?.description.contains("The given data was not valid JSON") ?? true))
    }

    @Test func nonUTF8BytesAreNamed() {
        let error = try? JSONReader.parse(Data([0x7B, 0x0A, 0x22, 0x61, 0xFF, 0x22, 0x3A, 0x31, 0x7D]))
        #expect(error == nil)
        do {
            _ = try JSONReader.parse(Data([0x7B, 0x0A, 0x22, 0x61, 0xFF, 0x22, 0x3A, 0x31, 0x7D]))
        } catch {
            #expect(error == .notUTF8(line: 2, column: 3, byte: 0xFF))
            #expect(error.description.contains("not UTF-8") && error.description.contains("0xFF"))
        }
    }

    @Test func deepNestingIsRefusedQuickly() {
        let deep = "{\"ignored\": " + String(repeating: "[", count: 500) + String(repeating: "]", count: 500) + ", \"pad\": \""
            + String(repeating: "x", count: 100_000) + "\"}"
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            guard case let .invalidJSON(_, column, key, problem)? = failure(deep) else {
                Issue.record("500-deep nesting was accepted")
                return
            }
            // The object is level 1, so the 64th '[' (column 12 + 64) is level 65.
            #expect(column == 12 + JSONReader.maximumDepth && key?.hasPrefix("ignored[0]") == true)
            #expect(problem.contains("deeper than \(JSONReader.maximumDepth)"))
        }
        #expect(elapsed < .seconds(1))
        let shallow = String(repeating: "[", count: JSONReader.maximumDepth) + String(repeating: "]", count: JSONReader.maximumDepth)
        #expect(failure(shallow) == nil)
    }
}
