import SyncModel

/// The text form of one record for `show`, in the user's language, answers by their labels.
enum RecordText {
    /// Renders `view`, with question labels from `survey` when known and a response's door by its
    /// address when `doorAddress` is known.
    static func render(_ view: RecordView, survey: SurveyDefinition?, doorAddress: String? = nil, texts: Texts) -> String {
        var lines: [String] = []
        let deleted = view.deleted ? " " + texts("show.deleted") : ""
        if view.collection == RecordCollection.responses {
            lines.append(texts("show.response", ["id": view.id]))
            lines.append(
                texts(
                    "show.survey",
                    ["survey": view.survey ?? "-", "version": String(view.surveyVersion ?? 0),
                     "title": survey.map { " — " + $0.title } ?? ""]))
            lines.append(texts("show.owner", ["owner": view.owner]))
            lines.append(texts("show.status", ["status": view.status.map { texts("status." + $0) } ?? "-"]) + deleted)
            if let household = view.household {
                let short = String(household.prefix(8))
                lines.append(
                    doorAddress.map { texts("show.householdAddress", ["address": $0, "id": short]) }
                        ?? texts("show.household", ["id": household]))
            }
            if let createdAt = view.createdAt {
                lines.append(texts("show.started", ["time": texts.time(Timestamp(millisecondsSince1970: createdAt))]))
            }
        } else {
            lines.append(texts("show.householdTitle", ["id": view.id]) + deleted)
            if let status = view.doorStatus { lines.append(texts("show.doorStatus", ["status": texts("doorStatus." + status)])) }
        }
        if let erasure = view.erased {
            lines.append(
                texts(
                    "show.erased",
                    ["by": erasure.erasedBy, "reason": erasure.reasonText(in: texts.catalog), "time": texts.time(erasure.erasedAt)]))
        }
        lines.append(texts(view.pending ? "show.sync.pending" : "show.sync.done"))
        if let rejection = view.rejection { lines.append(texts("show.rejected", ["message": rejection])) }
        lines.append("")
        let order = survey?.questions.filter { $0.type.takesAnswer }.map(\.name) ?? []
        let names = order.filter { view.values[$0] != nil } + view.values.keys.filter { !order.contains($0) }.sorted()
        for name in names {
            let question = survey?.question(named: name)
            let label = question.map { texts.answers.questionLabel($0) + " (" + name + ")" } ?? fieldLabel(name, texts: texts)
            lines.append("  " + label + ": " + valueText(name, view.values[name]!, question: question, texts: texts))
        }
        if let visits = view.visits {
            lines.append("")
            lines.append(texts(visits.isEmpty ? "show.visitsNone" : "show.visits"))
            for visit in visits { lines.append(visitLine(visit, texts: texts)) }
        }
        if let review = view.review, let messages = view.reviewMessages, !messages.isEmpty {
            lines.append("")
            lines.append(texts("show.review", ["state": texts("review.state." + review)]))
            for message in messages {
                lines.append(
                    texts(
                        "show.reviewMessage",
                        ["time": texts.time(message.at), "by": message.by, "kind": texts("review.kind." + message.kind.rawValue),
                         "text": message.text]))
            }
        }
        if !view.conflicts.isEmpty {
            lines.append("")
            lines.append(texts("show.conflicts"))
            for conflict in view.conflicts {
                lines += conflict.lines(
                    recordPrefix: view.shortID, question: survey?.question(named: conflict.field), texts: texts)
            }
        }
        return lines.joined(separator: "\n")
    }

    /// One visit as a line of `show`: when, outcome, who, note and its id (for `visit --withdraw`).
    static func visitLine(_ visit: Visit, texts: Texts) -> String {
        let arguments = [
            "time": texts.time(visit.at), "outcome": texts.answers.outcome(visit.outcome), "by": visit.by,
            "note": visit.note.map { " – " + $0 } ?? "", "id": visit.id.hasPrefix("legacy-") ? visit.id : String(visit.id.prefix(8)),
            "withdrawnBy": visit.withdrawnBy.joined(separator: ", "),
        ]
        return texts(visit.isWithdrawn ? "show.visitWithdrawn" : "show.visit", arguments)
    }

    /// A household field's name as people read it (`street` → "Straße"); the technical name only
    /// for fields without a label (conflicts name the field for `resolve`).
    static func fieldLabel(_ name: String, texts: Texts) -> String {
        let key = "field." + name
        let label = texts(key)
        return label == key ? name : label
    }

    /// A value as people read it: a choice by its label, a visit outcome by its name.
    static func valueText(_ name: String, _ value: FieldValue, question: Question?, texts: Texts) -> String {
        if question == nil, name == HouseholdField.outcome, let code = value.stringValue {
            return texts.answers.outcome(code)
        }
        return texts.answers.text(value, question: question)
    }
}
