import Foundation
import SyncModel

/// The terminal rendering of a ``CohortReport``: short lines, counts aligned, bars of `█`.
enum ReportText {
    /// The widest bar, in characters.
    static let barWidth = 20

    /// The whole report; `heading` says where the numbers come from.
    static func render(_ report: CohortReport, heading: [String]) -> String {
        var lines = heading + [""]
        let doors = report.households
        lines.append("Doors: \(doors.total), reached \(doors.visited) (\(percent(doors.coverage)))")
        lines += table(
            doors.outcomes.map { (outcomeLabel($0.outcome), $0.count, String($0.count)) }, indent: "  ")
        if !doors.streets.isEmpty {
            lines.append("  Per street (reached / doors):")
            lines += table(
                doors.streets.map { ($0.street.isEmpty ? "(no street)" : $0.street, $0.visited, "\($0.visited) / \($0.total)") },
                indent: "    ", largest: doors.streets.map(\.total).max())
        }
        lines.append(
            "Open conflicts: \(report.openConflicts.count)"
                + (report.openConflicts.isEmpty ? "" : " (see 'fieldclient conflicts')"))
        for survey in report.surveys {
            lines.append("")
            lines.append(
                "\(survey.title) (\(survey.survey)\(survey.version.map { " v\($0)" } ?? ", not published")): "
                    + "\(survey.final) final, \(survey.drafts) drafts, \(survey.deleted) deleted")
            for (title, groups, empty) in [
                ("Per participant", survey.participants, "(unknown)"), ("Per day", survey.days, "(unknown)"),
                ("Per street", survey.streets, "(no household)"),
            ] where !groups.isEmpty {
                lines.append("  \(title) (final + drafts):")
                lines += table(
                    groups.map { ($0.name.isEmpty ? empty : $0.name, $0.final + $0.drafts, "\($0.final) + \($0.drafts)") },
                    indent: "    ")
            }
            if !survey.questions.isEmpty { lines.append("  Answers (final responses):") }
            for question in survey.questions {
                lines.append(
                    "    \(question.label) [\(question.name)]: \(question.answered) answered, \(question.skipped) skipped"
                        + (question.notRelevant > 0 ? ", \(question.notRelevant) not asked" : ""))
                if let choices = question.choices {
                    lines += table(choices.map { ($0.label, $0.count, String($0.count)) }, indent: "      ")
                }
                if let numbers = question.numbers, numbers.count > 0 {
                    let parts = [("min", numbers.min), ("max", numbers.max), ("mean", numbers.mean), ("median", numbers.median)]
                        .compactMap { name, value in value.map { "\(name) \(format($0))" } }
                    lines.append("      " + parts.joined(separator: ", "))
                }
                if let texts = question.texts, !texts.isEmpty {
                    let shown = texts.prefix(3).map { "      “" + oneLine($0) + "”" }
                    lines += shown
                    if texts.count > 3 { lines.append("      … and \(texts.count - 3) more (all with --json)") }
                }
                if let points = question.geopoints, points.count > 0, let south = points.minLatitude,
                    let north = points.maxLatitude, let west = points.minLongitude, let east = points.maxLongitude
                {
                    lines.append(
                        "      \(points.count) locations, latitude \(format(south))–\(format(north)), "
                            + "longitude \(format(west))–\(format(east))")
                }
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Rows of `name  count  bar`, names padded to the longest.
    static func table(_ rows: [(name: String, value: Int, text: String)], indent: String, largest: Int? = nil) -> [String] {
        let nameWidth = min(rows.map { $0.name.count }.max() ?? 0, 36)
        let textWidth = rows.map { $0.text.count }.max() ?? 0
        let scale = max(largest ?? rows.map(\.value).max() ?? 0, 1)
        return rows.map { row in
            let name = row.name.count > nameWidth ? String(row.name.prefix(nameWidth - 1)) + "…" : row.name
            let filled = Int((Double(row.value) / Double(scale) * Double(barWidth)).rounded())
            return indent + name + String(repeating: " ", count: nameWidth - name.count) + "  "
                + String(repeating: " ", count: textWidth - row.text.count) + row.text + "  "
                + String(repeating: "█", count: filled)
        }
    }

    /// `41.7 %`.
    static func percent(_ share: Double) -> String {
        format(share * 100) + " %"
    }

    /// Whole numbers without decimals, others with at most two.
    static func format(_ number: Double) -> String {
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        var text = String(format: "%.2f", number)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }

    /// A text answer on one line, shortened to 70 characters.
    static func oneLine(_ text: String) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ⏎ ")
        return flat.count > 70 ? String(flat.prefix(69)) + "…" : flat
    }

    /// A readable name for a visit outcome.
    static func outcomeLabel(_ outcome: String) -> String {
        switch outcome {
        case VisitOutcome.interviewed.rawValue: "interviewed"
        case VisitOutcome.notHome.rawValue: "not at home"
        case VisitOutcome.refused.rawValue: "refused"
        case VisitOutcome.revisit.rawValue: "come back later"
        default: outcome
        }
    }
}
