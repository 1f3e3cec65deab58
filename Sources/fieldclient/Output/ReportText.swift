import Foundation
import SyncModel

/// The terminal rendering of a ``CohortReport``: short lines, counts aligned, bars of `█`.
enum ReportText {
    /// The widest bar, in characters.
    static let barWidth = 20
    /// How many text answers a question shows, the first in interview order.
    static let shownTexts = 3

    /// The whole report; `heading` says where the numbers come from.
    static func render(_ report: CohortReport, heading: [String], texts: Texts) -> String {
        func number(_ value: Double) -> String { texts.format.decimal(value) }
        var lines = heading + [""]
        let doors = report.households
        lines.append(
            texts("report.doors", ["total": String(doors.total), "visited": String(doors.visited), "percent": percent(doors.coverage, texts)]))
        lines += table(
            doors.outcomes.map { (texts("doorStatus." + $0.outcome), $0.count, String($0.count)) }, indent: "  ")
        if doors.erased > 0 { lines.append(texts("report.doorsErased", ["count": String(doors.erased)])) }
        lines.append("  " + texts("report.visits"))
        lines += table(
            doors.visitOutcomes.map { (texts.answers.outcome($0.outcome), $0.count, String($0.count)) }, indent: "    ")
        if !doors.streets.isEmpty {
            lines.append("  " + texts("report.perStreetDoors"))
            lines += table(
                doors.streets.map { ($0.street.isEmpty ? texts("report.noStreet") : $0.street, $0.visited, "\($0.visited) / \($0.total)") },
                indent: "    ", largest: doors.streets.map(\.total).max())
        }
        lines.append(
            texts(report.openConflicts.isEmpty ? "report.conflictsNone" : "report.conflicts", ["count": String(report.openConflicts.count)]))
        for survey in report.surveys {
            lines.append("")
            lines.append(
                texts(
                    "report.survey",
                    ["title": survey.title, "survey": survey.survey,
                     "version": survey.version.map { " v\($0)" } ?? texts("report.notPublished"),
                     "final": String(survey.final), "drafts": String(survey.drafts), "deleted": String(survey.deleted),
                     "erased": String(survey.erased)]))
            for (title, groups, empty) in [
                (texts("report.perParticipant"), survey.participants, texts("report.unknown")),
                (texts("report.perDay"), survey.days, texts("report.unknown")),
                (texts("report.perStreet"), survey.streets, texts("report.noHousehold")),
            ] where !groups.isEmpty {
                lines.append("  " + title)
                let isDay = title == texts("report.perDay")
                lines += table(
                    groups.map {
                        ($0.name.isEmpty ? empty : (isDay ? texts.format.date(iso: $0.name) : $0.name), $0.final + $0.drafts,
                         "\($0.final) + \($0.drafts)")
                    },
                    indent: "    ")
            }
            lines.append("  " + texts("report.reviews"))
            lines += table(survey.reviews.map { (texts("review.state." + $0.state), $0.count, String($0.count)) }, indent: "    ")
            if !survey.questions.isEmpty { lines.append("  " + texts("report.answers")) }
            for question in survey.questions {
                lines.append(
                    "    " + texts(
                        question.notRelevant > 0 ? "report.questionNotAsked" : "report.question",
                        ["label": question.label, "name": question.name, "answered": String(question.answered),
                         "skipped": String(question.skipped), "notAsked": String(question.notRelevant)]))
                if let choices = question.choices {
                    lines += table(choices.map { ($0.label, $0.count, String($0.count)) }, indent: "      ")
                }
                if let numbers = question.numbers, numbers.count > 0 {
                    let parts = [("report.min", numbers.min), ("report.max", numbers.max), ("report.mean", numbers.mean), ("report.median", numbers.median)]
                        .compactMap { key, value in value.map { texts(key) + " " + number($0) } }
                    lines.append("      " + parts.joined(separator: ", "))
                }
                if let answers = question.texts, !answers.isEmpty {
                    let shown = answers.prefix(shownTexts).map { "      “" + oneLine($0) + "”" }
                    lines += shown
                    let older = (question.textCount ?? answers.count) - shown.count
                    if older > 0 { lines.append("      " + texts("report.moreTexts", ["count": String(older)])) }
                }
                if let points = question.geopoints, points.count > 0, let south = points.minLatitude,
                    let north = points.maxLatitude, let west = points.minLongitude, let east = points.maxLongitude
                {
                    lines.append(
                        "      " + texts(
                            "report.locations",
                            ["count": String(points.count), "south": number(south), "north": number(north),
                             "west": number(west), "east": number(east)]))
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

    /// `41.7 %` (`41,7 %` in German).
    static func percent(_ share: Double, _ texts: Texts) -> String {
        texts.format.decimal(share * 100) + " %"
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
}
