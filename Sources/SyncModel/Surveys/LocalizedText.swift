/// A text of a survey (label, hint, message) in its default language, with translations by language tag.
///
/// `text` is the text in the survey's default language (XLSForm's plain `label` column, or the
/// `label::…` column of `default_language`); `translations` hold the other languages, keyed by
/// tag (`en`, `tr`). A lookup in a language the text lacks falls back to the default text.
public struct LocalizedText: Hashable, Sendable {
    /// The text in the survey's default language.
    public let text: String
    /// The text in other languages, by language tag (`tr` → `Yaşınız`).
    public let translations: [String: String]

    /// Creates a text in the default language with optional translations.
    public init(_ text: String, translations: [String: String] = [:]) {
        self.text = text
        self.translations = translations
    }

    /// The text in `language` (a tag such as `tr`), or the default text when there is no translation.
    public func text(in language: String?) -> String {
        language.flatMap { translations[$0] } ?? text
    }

    /// Every form of the text: the default one and each translation.
    public var allTexts: [String] { [text] + translations.keys.sorted().compactMap { translations[$0] } }
}
