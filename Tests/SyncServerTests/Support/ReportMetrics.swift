import Foundation
import SyncModel

/// The numbers of a report keyed as the dashboard keys its `data-metric` attributes, computed
/// here independently of the dashboard's code, and the reading of those attributes from HTML.
enum ReportMetrics {
    /// Every number of `report` by metric key.
    static func expected(from report: CohortReport) -> [String: Double] {
        var metrics: [String: Double] = [
            "households.total": Double(report.households.total),
            "households.visited": Double(report.households.visited),
            "households.coverage": report.households.coverage,
            "conflicts.open": Double(report.openConflicts.count),
        ]
        for outcome in report.households.outcomes { metrics["households.outcome.\(outcome.outcome)"] = Double(outcome.count) }
        for outcome in report.households.visitOutcomes { metrics["visits.outcome.\(outcome.outcome)"] = Double(outcome.count) }
        for street in report.households.streets {
            metrics["households.street.\(street.street).total"] = Double(street.total)
            metrics["households.street.\(street.street).visited"] = Double(street.visited)
        }
        for survey in report.surveys {
            let prefix = "survey.\(survey.survey)"
            metrics["\(prefix).final"] = Double(survey.final)
            metrics["\(prefix).drafts"] = Double(survey.drafts)
            metrics["\(prefix).deleted"] = Double(survey.deleted)
            for review in survey.reviews { metrics["\(prefix).review.\(review.state)"] = Double(review.count) }
            metrics["\(prefix).erased"] = Double(survey.erased)
            for (kind, groups) in [("participant", survey.participants), ("day", survey.days), ("street", survey.streets)] {
                for group in groups {
                    metrics["\(prefix).\(kind).\(group.name).final"] = Double(group.final)
                    metrics["\(prefix).\(kind).\(group.name).drafts"] = Double(group.drafts)
                }
            }
            for question in survey.questions {
                let q = "\(prefix).question.\(question.name)"
                metrics["\(q).answered"] = Double(question.answered)
                metrics["\(q).skipped"] = Double(question.skipped)
                metrics["\(q).notRelevant"] = Double(question.notRelevant)
                for choice in question.choices ?? [] { metrics["\(q).choice.\(choice.name)"] = Double(choice.count) }
                if let numbers = question.numbers {
                    metrics["\(q).count"] = Double(numbers.count)
                    metrics["\(q).min"] = numbers.min
                    metrics["\(q).max"] = numbers.max
                    metrics["\(q).mean"] = numbers.mean
                    metrics["\(q).median"] = numbers.median
                }
                if let geopoints = question.geopoints {
                    metrics["\(q).count"] = Double(geopoints.count)
                    metrics["\(q).minLatitude"] = geopoints.minLatitude
                    metrics["\(q).maxLatitude"] = geopoints.maxLatitude
                    metrics["\(q).minLongitude"] = geopoints.minLongitude
                    metrics["\(q).maxLongitude"] = geopoints.maxLongitude
                }
            }
        }
        return metrics
    }

    /// The `data-metric`/`data-value` pairs of a page; a key shown twice must show one value.
    static func shown(inHTML html: String) throws -> [String: Double] {
        let pattern = try NSRegularExpression(pattern: #"data-metric="([^"]*)" data-value="([^"]*)""#)
        var metrics: [String: Double] = [:]
        let range = NSRange(html.startIndex..., in: html)
        for match in pattern.matches(in: html, range: range) {
            let key = unescape(String(html[Range(match.range(at: 1), in: html)!]))
            let text = unescape(String(html[Range(match.range(at: 2), in: html)!]))
            guard let value = Double(text) else { throw MetricError("\(key) shows '\(text)', not a number") }
            if let earlier = metrics[key], earlier != value { throw MetricError("\(key) shows \(earlier) and \(value)") }
            metrics[key] = value
        }
        return metrics
    }

    /// Undoes HTML escaping of attribute values (named and numeric character references),
    /// scalar by scalar, so that a combining mark after `;` cannot hide the reference's end.
    static func unescape(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        let named = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'"]
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if scalars[index] == "&", let end = scalars[index...].prefix(12).firstIndex(of: ";") {
                let entity = String(String.UnicodeScalarView(scalars[(index + 1)..<end]))
                var replacement: String? = named[entity]
                if entity.hasPrefix("#x") || entity.hasPrefix("#X") {
                    replacement = UInt32(entity.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) }
                } else if entity.hasPrefix("#") {
                    replacement = UInt32(entity.dropFirst()).flatMap(Unicode.Scalar.init).map { String($0) }
                }
                if let replacement {
                    result.append(contentsOf: replacement.unicodeScalars)
                    index = end + 1
                    continue
                }
            }
            result.append(scalars[index])
            index += 1
        }
        return String(result)
    }

    /// A page whose metrics cannot be read.
    struct MetricError: Error, CustomStringConvertible {
        /// What was wrong.
        var description: String
        /// Creates the error.
        init(_ description: String) { self.description = description }
    }
}
