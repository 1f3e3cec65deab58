import Foundation

extension ResponseExporter {
    /// The spreadsheet header: per column of ``columns``, the question label in `language` (the
    /// default language for nil); a choice column is `Label: choice label`; a metadata column is
    /// headed in the reader's language, `catalog`'s (`workbook.heading.<column>`).
    public func columnLabels(in language: String? = nil, catalog: MessageCatalog) -> [String] {
        var labels = Self.metadataColumns.map { catalog.text("workbook.heading.\($0)") }
        for question in answerQuestions {
            let label = question.label(in: language)
            labels.append(label)
            if question.type == .selectMultiple {
                labels += (question.choices ?? []).map { "\(label): \($0.label(in: language))" }
            }
        }
        return labels
    }

    /// The typed cells of one response, matching ``columns``: numbers as numbers, `date` answers as
    /// dates, created/updated as timestamps, select answers as their choice labels in `language`
    /// (several joined by `; `) and a select_multiple's choice columns as 1/0; a geopoint is the text
    /// `latitude longitude [altitude [accuracy]]` with whole numbers written without a fraction. An answer that does not
    /// fit its question's type (from an older survey version) is exported as its CSV text. The
    /// status and the review state are said in the reader's language, `catalog`'s.
    public func cells(for record: Record, language: String? = nil, catalog: MessageCatalog) -> [ExportCell] {
        let response = exported(record)
        let values = record.values
        var created = ExportCell.empty
        if case .integer(let started)? = values[ResponseField.createdAt] {
            created = .timestamp(Timestamp(millisecondsSince1970: started))
        }
        var cells: [ExportCell] = [
            .text(response.id.uuidString.lowercased()), .text(response.participant), created,
            record.lastModified.map(ExportCell.timestamp) ?? .empty, .text(catalog.label(of: response.status, under: "status.")),
            response.household.map(ExportCell.text) ?? .empty, .text(catalog.label(of: response.review, under: "review.state.")),
        ]
        for question in answerQuestions {
            let answer = response.answers[question.name]
            cells.append(Self.cell(answer, question: question, language: language))
            if question.type == .selectMultiple {
                let picked = Self.selection(answer)
                cells += (question.choices ?? []).map { choice in
                    picked.map { .number($0.contains(choice.name) ? 1 : 0) } ?? .empty
                }
            }
        }
        return cells
    }

    /// The cell of one answer.
    private static func cell(_ answer: FieldValue?, question: Question, language: String?) -> ExportCell {
        guard let answer, !answer.isNull else { return .empty }
        switch (question.type, answer) {
        case (.integer, .integer(let value)): return .number(Double(value))
        case (.integer, .decimal(let value)), (.decimal, .decimal(let value)): return .number(value)
        case (.decimal, .integer(let value)): return .number(Double(value))
        case (.date, .string(let text)):
            if let date = CalendarDate(iso: text) { return .date(year: date.year, month: date.month, day: date.day) }
        case (.selectOne, .string(let name)), (.selectMultiple, .string(let name)):
            return .text(question.choice(named: name)?.label(in: language) ?? name)
        case (.selectMultiple, .array(let items)):
            return .text(
                items.map { item in
                    item.stringValue.map { question.choice(named: $0)?.label(in: language) ?? $0 } ?? Self.text(item)
                }.joined(separator: "; "))
        case (.geopoint, .object(let members)):
            let parts = ["latitude", "longitude", "altitude", "accuracy"].map { members[$0]?.numberValue }
            if parts[0] != nil, parts[1] != nil {
                return .text(parts.prefix { $0 != nil }.compactMap { $0.map(Question.format) }.joined(separator: " "))
            }
        default: break
        }
        let shown = Self.text(answer)
        return shown.isEmpty ? .empty : .text(shown)
    }
}
