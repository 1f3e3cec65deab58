import SyncModel
import Testing

/// The English detector of the German-terminal tests must find English and pass German.
@Suite("EnglishText finds English in German output")
struct EnglishTextTests {
    @Test(
        "English sentences are found; German ones with commands, options and paths are not",
        arguments: [
            ("This question is required; please answer it.", true),
            ("Synced with http://127.0.0.1:8080: 1 record(s) uploaded, 0 received.", true),
            ("Das ist eine Pflichtfrage; bitte beantworten Sie sie.", false),
            ("    Klären: fieldclient resolve 1a2b3c4d wohndauer --keep N   (oder --value WERT)", false),
            ("Speicher: /tmp/anna/store.sqlite", false),
            ("  surveys                 Die Fragebögen zeigen, die auf diesem Gerät ohne", false),
            // A device id whose hex happens to spell "be" (seen as a flaky failure) is an id, not English.
            ("Gerät:         d-5f3abe2d-7c1e-4b0a-9d2e-0be2d1c4a7f3", false),
            ("Letzter Abgleich: 01.12.2026 14:05 (5f3a be2d)", false),
        ])
    func detects(line: String, isEnglish: Bool) {
        #expect(EnglishText.lines(in: line).isEmpty != isEnglish)
    }

    @Test("Every English catalog sentence of four words or more is found, and no German message is")
    func catalogs() {
        // Placeholder names ({cohort}) are code, not language: filled with a neutral value.
        func filled(_ text: String) -> String {
            MessageCatalog.fill(text, Dictionary(uniqueKeysWithValues: MessageCatalog.placeholders(in: text).map { ($0, "X") }))
        }
        func wordCount(_ text: String) -> Int { filled(text).split { !$0.isLetter }.filter { $0 != "X" }.count }
        for (key, text) in MessageCatalog.english.messages where wordCount(text) >= 4 {
            #expect(!EnglishText.lines(in: filled(text)).isEmpty, "not found as English: \(key)")
        }
        for (key, text) in MessageCatalog.german.messages {
            #expect(EnglishText.lines(in: filled(text)) == [], "reads as English: \(key)")
        }
    }
}
