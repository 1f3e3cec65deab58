import Foundation
import SyncModel
import Testing

@Suite("MessageCatalog: German and English hold the same messages")
struct MessageCatalogTests {
    @Test("Every key exists in both languages")
    func sameKeys() {
        let german = Set(MessageCatalog.german.messages.keys)
        let english = Set(MessageCatalog.english.messages.keys)
        #expect(german.subtracting(english).sorted() == [], "only in German")
        #expect(english.subtracting(german).sorted() == [], "only in English")
        #expect(german.count > 300)
    }

    @Test("Every message has the same placeholders in both languages, and none is empty")
    func samePlaceholders() {
        for (key, english) in MessageCatalog.english.messages {
            guard let german = MessageCatalog.german.messages[key] else { continue }
            #expect(
                MessageCatalog.placeholders(in: german) == MessageCatalog.placeholders(in: english),
                "placeholders of \(key) differ")
            #expect(!german.isEmpty && !english.isEmpty, "\(key) is empty")
        }
    }

    @Test("Every key the sources look up literally exists in the catalogs")
    func usedKeysExist() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let sources = root.appendingPathComponent("Sources")
        let pattern = try NSRegularExpression(
            pattern: #"(?:texts|Texts\.help|Texts\.current|catalog\.text|caption|localized)\(\s*"([a-zA-Z]+\.[a-zA-Z0-9.]+)""#)
        var used: [String: String] = [:]
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
        for case let file as URL in files where file.pathExtension == "swift" {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                used[String(text[Range(match.range(at: 1), in: text)!])] = file.lastPathComponent
            }
        }
        #expect(used.count > 150, "the scan finds the look-ups")
        for (key, file) in used.sorted(by: { $0.key < $1.key }) where key.hasSuffix(".") == false {
            #expect(MessageCatalog.english.messages[key] != nil, "\(file) looks up '\(key)', which is not in the catalogs")
        }
    }

    @Test(
        "fill replaces named placeholders and leaves unknown ones and other braces alone",
        arguments: [
            ("{count} of {id}", ["count": "3", "id": "ab12"], "3 of ab12"),
            ("{count} of {id}", ["count": "3"], "3 of {id}"),
            ("e.g. {\"haushalt\": 3}", ["haushalt": "x"], "e.g. {\"haushalt\": 3}"),
            ("no placeholders", ["a": "b"], "no placeholders"),
        ] as [(String, [String: String], String)])
    func fill(template: String, arguments: [String: String], expected: String) {
        #expect(MessageCatalog.fill(template, arguments) == expected)
    }

    @Test("A missing key comes back as the key, so a gap is visible rather than silent")
    func missingKey() {
        #expect(MessageCatalog.german.text("no.such.key") == "no.such.key")
    }
}
