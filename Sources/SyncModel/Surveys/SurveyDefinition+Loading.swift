import Foundation
import Yams

extension SurveyDefinition {
    /// Loads a survey from XLSForm-style YAML/JSON (`settings`, `survey`, `choices`) or from the canonical JSON form.
    public static func parse(_ data: Data) throws(SurveyError) -> SurveyDefinition {
        guard let text = String(data: data, encoding: .utf8) else {
            throw SurveyError(.invalidDocument, "notUTF8")
        }
        return try parse(text)
    }

    /// Loads a survey from YAML or JSON text; see `parse(_:)` for `Data`.
    public static func parse(_ text: String) throws(SurveyError) -> SurveyDefinition {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        } catch {
            throw SurveyError(.invalidDocument, "notYAML", ["detail": "\(error)"])
        }
        guard let root, let document = root.mapping else {
            throw SurveyError(.invalidDocument, "notMapping")
        }
        if document["questions"] != nil {
            return try CanonicalSurveyReader.read(document)
        }
        if document["survey"] != nil {
            return try XLSFormReader.read(document)
        }
        throw SurveyError(.invalidDocument, "noQuestions")
    }
}
