/// The one place where answers become text for people: a choice by its label, a
/// `select_multiple` as a list of labels, dates, decimals and yes/no the way the language writes
/// them. Codes stay in JSON and exports; this is for human output only.
public struct AnswerFormatter: Sendable {
    /// The language's messages (yes/no, visit outcomes).
    public let catalog: MessageCatalog
    /// Numbers and dates.
    public let format: DisplayFormat
    /// The survey language that labels and hints are shown in (a tag of the survey's languages);
    /// nil for the survey's default language.
    public var surveyLanguage: String?

    /// Creates a formatter that shows labels in `surveyLanguage` (nil: the survey's default language).
    public init(catalog: MessageCatalog, format: DisplayFormat, surveyLanguage: String? = nil) {
        self.catalog = catalog
        self.format = format
        self.surveyLanguage = surveyLanguage
    }

    /// The same formatter, showing labels and hints in the survey language `tag` (nil: the default).
    public func inSurveyLanguage(_ tag: String?) -> AnswerFormatter {
        AnswerFormatter(catalog: catalog, format: format, surveyLanguage: tag)
    }

    /// The text of `value` as an answer to `question` (nil: a field without a question, shown plainly).
    public func text(_ value: FieldValue, question: Question?) -> String {
        switch value {
        case .null: return "—"
        case .bool(let flag): return catalog.text(flag ? "answer.yes" : "answer.no")
        case .integer(let number): return String(number)
        case .decimal(let number): return format.decimal(number, digits: 6)
        case .string(let text):
            guard let question else { return text }
            switch question.type {
            case .selectOne, .selectMultiple: return choiceLabel(text, of: question)
            case .date: return format.date(iso: text)
            default: return text
            }
        case .array(let items):
            return items.map { text($0, question: question) }.joined(separator: ", ")
        case .object(let members):
            if let latitude = members["latitude"]?.numberValue, let longitude = members["longitude"]?.numberValue {
                return format.decimal(latitude, digits: 6) + " / " + format.decimal(longitude, digits: 6)
            }
            return members.keys.sorted().map { $0 + ": " + text(members[$0]!, question: nil) }.joined(separator: ", ")
        }
    }

    /// The label of choice `name` of `question`; the name itself when the question has no such choice.
    public func choiceLabel(_ name: String, of question: Question) -> String {
        question.choice(named: name)?.label(in: surveyLanguage) ?? name
    }

    /// The label of `question` as people read it.
    public func questionLabel(_ question: Question) -> String {
        question.label(in: surveyLanguage)
    }

    /// The hint of `question` in the survey language, if it has one.
    public func hint(of question: Question) -> String? {
        question.hint(in: surveyLanguage)
    }

    /// The constraint message of `question` in the survey language, if it has one.
    public func constraintMessage(of question: Question) -> String? {
        question.constraintMessage(in: surveyLanguage)
    }

    /// The readable name of a visit outcome code (`not-home` → "not at home").
    public func outcome(_ code: String) -> String {
        catalog.label(of: code, under: "outcome.")
    }
}
