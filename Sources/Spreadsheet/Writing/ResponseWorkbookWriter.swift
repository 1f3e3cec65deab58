import Foundation
import SyncModel

/// Writes a survey's responses as an XLSX workbook, one record at a time, in bounded memory.
///
/// Built like ``ResponseExporter`` (header, one piece per record, footer), whose columns and
/// typed cells it uses: the first sheet (`Antworten`, `Responses`) has two frozen header rows
/// (the question labels in `language`, then the column names of the CSV export) and one row per
/// response; the second (`Codebuch`, `Codebook`) lists every question with its type, whether it
/// is required, its relevance condition and its label in each of the survey's languages,
/// followed by its choices. What the survey does not say (sheet names, the headings of the
/// metadata and the codebook, statuses, review states, yes and no) is in the reader's language.
public final class ResponseWorkbookWriter {
    /// How many responses were written.
    public private(set) var count = 0

    private let exporter: ResponseExporter
    private let workbook: XLSXWorkbookWriter
    private let sheet: XLSXSheetWriter
    private let language: String?
    private let catalog: MessageCatalog

    /// Creates the workbook at `url` (which must not exist) and writes the header rows; labels are
    /// taken in `language` (the survey's default language for nil), the rest in `interface`, the
    /// reader's language; `pseudonymization` makes the pseudonymized workbook, whose codebook also
    /// leaves out the personal questions.
    public init(
        creating url: URL, survey: SurveyDefinition, language: String? = nil, interface: Language,
        pseudonymization: ExportPseudonymization? = nil
    ) throws {
        exporter = ResponseExporter(format: .csv, survey: survey, pseudonymization: pseudonymization)
        self.language = language
        catalog = interface.catalog
        workbook = try XLSXWorkbookWriter(creating: url)
        let names = exporter.columns
        let labels = exporter.columnLabels(in: language, catalog: catalog)
        let minimums = ResponseWorkbookWriter.minimumWidths(survey: survey, pseudonymized: pseudonymization != nil)
        let columns = zip(zip(labels, names), minimums).map { pair, minimum in
            XLSXColumn.fitting([pair.0, pair.1], minimum: minimum)
        }
        sheet = try workbook.beginSheet(named: catalog.text("workbook.sheet.responses"), columns: columns, frozenRows: 2)
        try sheet.append(labels.map(XLSXValue.heading))
        try sheet.append(names.map(XLSXValue.text))
    }

    /// Writes `record` as a row when it is a response the export includes (see ``ResponseExporter/includes(_:)``).
    public func append(_ record: Record) throws {
        guard exporter.includes(record) else { return }
        try sheet.append(exporter.cells(for: record, language: language, catalog: catalog).map(XLSXValue.init))
        count += 1
    }

    /// Writes the codebook sheet and completes the file.
    public func finish() throws {
        let survey = exporter.survey
        let questions = survey.questions.filter { !($0.personal && exporter.pseudonymization != nil) }
        let languages: [SurveyLanguage?] = survey.languages.isEmpty ? [nil] : survey.languages.map { Optional($0) }
        let labelHeads = languages.map { $0.map { "label::\($0.name) (\($0.tag))" } ?? "label" }
        let heads = ["question", "type", "required", "relevant", "choice"].map { catalog.text("workbook.heading.\($0)") } + labelHeads
        var labelTexts: [[String]] = []
        for question in questions {
            labelTexts.append(languages.map { question.label(in: $0?.tag) })
            for choice in question.choices ?? [] { labelTexts.append(languages.map { choice.label(in: $0?.tag) }) }
        }
        let widths = [20.0, 18, 9, 24, 16].map { XLSXColumn(width: $0) }
            + labelHeads.indices.map { index in
                XLSXColumn.fitting([labelHeads[index]] + labelTexts.map { $0[index] }, minimum: 20, maximum: 60)
            }
        let codebook = try workbook.beginSheet(named: catalog.text("workbook.sheet.codebook"), columns: widths, frozenRows: 1)
        try codebook.append(heads.map(XLSXValue.heading))
        for question in questions {
            let typeName = question.type.rawValue
            try codebook.append(
                [
                    .text(question.name), .text(typeName), .text(catalog.text(question.required ? "answer.yes" : "answer.no")),
                    question.relevant.map(XLSXValue.text) ?? .empty, .empty,
                ] + languages.map { .text(question.label(in: $0?.tag)) })
            for choice in question.choices ?? [] {
                try codebook.append(
                    [.text(question.name), .empty, .empty, .empty, .text(choice.name)]
                        + languages.map { .text(choice.label(in: $0?.tag)) })
            }
        }
        try workbook.finish()
    }

    /// The narrowest readable width of each column, by what it holds.
    private static func minimumWidths(survey: SurveyDefinition, pseudonymized: Bool) -> [Double] {
        // One per metadata column: id, participant, created, updated, status, household, review.
        var widths: [Double] = [38, 14, 20, 20, 8, 38, 16]
        assert(widths.count == ResponseExporter.metadataColumns.count, "a metadata column without its width")
        for question in survey.questions where question.type.takesAnswer && !(question.personal && pseudonymized) {
            switch question.type {
            case .text: widths.append(30)
            case .date: widths.append(12)
            case .geopoint: widths.append(28)
            case .selectOne, .selectMultiple: widths.append(20)
            default: widths.append(10)
            }
            if question.type == .selectMultiple { widths += (question.choices ?? []).map { _ in 10 } }
        }
        return widths
    }
}
