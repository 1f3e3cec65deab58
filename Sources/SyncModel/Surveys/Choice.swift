/// One option of a `select_one` or `select_multiple` question.
public struct Choice: Hashable, Sendable {
    /// The stored value, e.g. `verkehr`; no spaces or commas.
    public let name: String
    /// The text shown to the interviewer, in every language of the survey.
    public let labels: LocalizedText

    /// The text in the survey's default language, e.g. `Verkehr und Lärm`.
    public var label: String { labels.text }

    /// Creates a choice with a label in the default language only.
    public init(name: String, label: String) {
        self.init(name: name, labels: LocalizedText(label))
    }

    /// Creates a choice with its label in several languages.
    public init(name: String, labels: LocalizedText) {
        self.name = name
        self.labels = labels
    }

    /// The label in `language` (a tag such as `tr`), or in the default language when the choice lacks it.
    public func label(in language: String?) -> String { labels.text(in: language) }
}

extension Choice: Codable {
    private enum CodingKeys: String, CodingKey { case name, label, labels }

    /// Decodes `name`, `label` and, for a survey in several languages, `labels` (tag → text).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            name: try container.decode(String.self, forKey: .name),
            labels: LocalizedText(
                try container.decode(String.self, forKey: .label),
                translations: try container.decodeIfPresent([String: String].self, forKey: .labels) ?? [:]))
    }

    /// Encodes `name` and `label`; `labels` only when the choice has translations.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(labels.text, forKey: .label)
        if !labels.translations.isEmpty { try container.encode(labels.translations, forKey: .labels) }
    }
}
