import SyncModel

/// The text form of one record for `show`.
enum RecordText {
    /// Renders `view`, with question labels from `survey` when known.
    static func render(_ view: RecordView, survey: SurveyDefinition?) -> String {
        var lines: [String] = []
        if view.collection == RecordCollection.responses {
            lines.append("Response \(view.id)")
            lines.append("Survey:    \(view.survey ?? "-") version \(view.surveyVersion ?? 0)\(survey.map { " — \($0.title)" } ?? "")")
            lines.append("Owner:     \(view.owner)")
            lines.append("Status:    \(view.status ?? "-")\(view.deleted ? " (deleted)" : "")")
            if let household = view.household { lines.append("Household: \(household)") }
        } else {
            lines.append("Household \(view.id)\(view.deleted ? " (deleted)" : "")")
        }
        lines.append("Sync:      \(view.pending ? "unsynced changes" : "synced")")
        if let rejection = view.rejection { lines.append("Rejected by the server: \(rejection)") }
        lines.append("")
        let order = survey?.questions.filter { $0.type.takesAnswer }.map(\.name) ?? []
        let names = order.filter { view.values[$0] != nil } + view.values.keys.filter { !order.contains($0) }.sorted()
        for name in names {
            let label = survey?.question(named: name)?.label
            lines.append("  \(label.map { "\($0) (\(name))" } ?? name): \(view.values[name]!.displayText)")
        }
        if !view.conflicts.isEmpty {
            lines.append("")
            lines.append("Conflicts (1 = the value shown):")
            for conflict in view.conflicts {
                lines += conflict.lines(recordPrefix: view.shortID, label: survey?.question(named: conflict.field)?.label)
            }
        }
        return lines.joined(separator: "\n")
    }
}
