import Foundation
import PropertyBased
import Testing

@testable import SyncModel

/// `trimmingSpaces()` trims exactly what Foundation's `trimmingCharacters(in: .whitespaces)` trims.
@Suite("Space trimming")
struct SpaceTrimmingTests {
    /// Letters, marks, tabs, spaces of several kinds, and line breaks (which are kept).
    static let alphabet: [String] = [
        "a", "ß", "😀", "\u{0301}", " ", "\t", "\u{00A0}", "\u{2003}", "\u{3000}", "\u{202F}", "\n", "\r\n", "\u{200B}", "1",
    ]

    @Test("agrees with Foundation on texts of letters, marks, spaces and line breaks")
    func agreesWithFoundation() async {
        await propertyCheck(count: 2_000, input: Gen.int(in: 0...(Self.alphabet.count - 1)).array(of: 0...10)) { picks in
            let text = picks.map { Self.alphabet[$0] }.joined()
            #expect(text.trimmingSpaces() == text.trimmingCharacters(in: .whitespaces), "\(Array(text.unicodeScalars))")
        }
    }

    @Test(
        "trims tabs and space separators, keeps line breaks and other characters",
        arguments: [
            ("  a b  ", "a b"), ("\t\u{00A0}x\u{3000}", "x"), ("\nx\n", "\nx\n"), ("   ", ""), ("", ""), ("x", "x"),
        ])
    func trims(_ text: String, _ expected: String) {
        #expect(text.trimmingSpaces() == expected)
    }
}

extension SpaceTrimmingTests {
    @Test("a scalar is a space exactly when Foundation's whitespace set holds it, for every Unicode scalar")
    func spacesAreFoundationsWhitespaces() {
        var differing: [UInt32] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if scalar.isSpace != CharacterSet.whitespaces.contains(scalar) { differing.append(value) }
        }
        #expect(differing == [])
    }
}
