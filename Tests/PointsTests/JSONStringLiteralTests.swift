import Foundation
import Testing
import Points

@Suite struct JSONStringLiteralTests {
    @Test func escapesQuotesBackslashesAndControlCharacters() {
        #expect(JSONStringLiteral.quoted("a \"b\"\\\n\t\r\u{1}\u{7F}") == #""a \"b\"\\\n\t\r\u0001\u007f""#)
        #expect(JSONStringLiteral.quoted("σ→😀") == "\"σ→😀\"")
    }

    @Test func asciiOnlyWritesUTF16EscapesLikePython() {
        #expect(JSONStringLiteral.quoted("σ😀", asciiOnly: true) == #""\u03c3\ud83d\ude00""#)
    }

    @Test func outputParsesBackToTheSameString() throws {
        let text = "x\"\\\n\u{0}é漢😀"
        for asciiOnly in [false, true] {
            let data = Data(JSONStringLiteral.quoted(text, asciiOnly: asciiOnly).utf8)
            let decoded = try JSONDecoder().decode(String.self, from: data)
            #expect(decoded == text)
        }
    }
}
