import Foundation
import SyncModel

/// The repository's fixture files.
enum Fixtures {
    /// The repository root, found from this file's path.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The German neighbourhood survey.
    static func survey() throws -> SurveyDefinition {
        try SurveyDefinition.parse(Data(contentsOf: root.appendingPathComponent("Fixtures/nachbarschaftsbefragung.yaml")))
    }

    /// A valid complete set of answers.
    static let finalAnswers: [String: FieldValue] = [
        "datum": "2026-11-25", "wohndauer": "jahre_1_5", "haushalt": 3, "kinder": 1, "gefaellt": "Die Nachbarn",
        "probleme": ["verkehr", "mieten"], "mitmachen": "nein",
    ]
}
