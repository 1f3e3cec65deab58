/// Where in a survey file a problem is, named in the reader's language when a message is worded.
public indirect enum SurveyPlace: Hashable, Sendable {
    /// The survey file as a whole.
    case file
    /// The top level of a canonical survey, before its id is known.
    case survey
    /// The survey with this id.
    case namedSurvey(String)
    /// The `settings` of the survey with this id.
    case settings(survey: String)
    /// The `settings` section, before the id is known.
    case settingsSection
    /// Entry `number` (from 1) of a canonical survey's `languages`.
    case language(Int)
    /// Entry `number` (from 1) of a canonical survey's `questions`.
    case question(Int)
    /// Row `number` (from 1) of a YAML or JSON `survey` list.
    case surveyRow(Int)
    /// Row `number` (from 1) of a YAML or JSON `choices` list.
    case choicesRow(Int)
    /// Row `row` of the workbook sheet `sheet`, as the spreadsheet program numbers it.
    case sheetRow(sheet: String, row: Int)
    /// A question known only by its name (a survey built in code or decoded from JSON).
    case questionNamed(String)
    /// `place`, with the name of the question there.
    case named(SurveyPlace, String)
    /// Choice `number` (from 1) of the question at `place`.
    case choice(SurveyPlace, Int)

    /// The place as a message names it within a sentence; ``SurveyError`` capitalises it where it
    /// begins one.
    public var text: CatalogText {
        switch self {
        case .file: .worded("survey.place.file", [:])
        case .survey: .worded("survey.place.survey", [:])
        case .namedSurvey(let id): .worded("survey.place.namedSurvey", ["id": .verbatim(id)])
        case .settings(let id): .worded("survey.place.settings", ["id": .verbatim(id)])
        case .settingsSection: .worded("survey.place.settingsSection", [:])
        case .language(let number): .worded("survey.place.language", ["number": .verbatim(String(number))])
        case .question(let number): .worded("survey.place.question", ["number": .verbatim(String(number))])
        case .surveyRow(let number): .worded("survey.place.surveyRow", ["number": .verbatim(String(number))])
        case .choicesRow(let number): .worded("survey.place.choicesRow", ["number": .verbatim(String(number))])
        case .sheetRow(let sheet, let row):
            .worded("survey.place.sheetRow", ["sheet": .verbatim(sheet), "row": .verbatim(String(row))])
        case .questionNamed(let name): .worded("survey.place.questionNamed", ["name": .verbatim(name)])
        case .named(let place, let name): .worded("survey.place.named", ["place": place.text, "name": .verbatim(name)])
        case .choice(let place, let number):
            .worded("survey.place.choice", ["place": place.text, "number": .verbatim(String(number))])
        }
    }

    /// The question `name` at `location` (with its name, when it has one), or known by its name alone.
    static func question(_ name: String, at location: SurveyPlace?) -> SurveyPlace {
        guard let location else { return .questionNamed(name) }
        return name.isEmpty ? location : .named(location, name)
    }
}
