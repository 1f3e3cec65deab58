import Foundation

/// A language a survey is written in: a tag (`tr`) and the name the form gives it (`Türkçe`).
public struct SurveyLanguage: Codable, Hashable, Sendable {
    /// The tag that `text(in:)` lookups, `lang tr` and `--survey-lang tr` use, e.g. `tr`.
    public let tag: String
    /// The name shown when languages are listed, e.g. `Türkçe`.
    public let name: String

    /// The tag of the default language when the form does not name it (XLSForm's plain `label`).
    public static let defaultTag = "default"

    /// Creates a language.
    public init(tag: String, name: String) {
        self.tag = tag
        self.name = name
    }

    /// Reads an XLSForm language suffix or `default_language` value: `Türkçe (tr)` → tag `tr`,
    /// name `Türkçe`; a suffix without a code in parentheses (`English`, `de`) is its own tag,
    /// lower-cased (`english`, `de`).
    public init(xlsform text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasSuffix(")"), let open = trimmed.lastIndex(of: "(") {
            let code = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]
                .trimmingCharacters(in: .whitespaces)
            let name = trimmed[..<open].trimmingCharacters(in: .whitespaces)
            if !code.isEmpty {
                self.init(tag: code.lowercased(), name: name.isEmpty ? code : name)
                return
            }
        }
        self.init(tag: trimmed.lowercased(), name: trimmed)
    }
}
