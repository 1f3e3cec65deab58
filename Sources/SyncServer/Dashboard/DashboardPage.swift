import Foundation
import SyncModel

/// What the dashboard template shows, built from a ``CohortReport``; stored properties only,
/// because Mustache reads them by reflection.
///
/// Every number carries a ``DashboardMetric`` key: `households.total`, `households.visited`,
/// `households.coverage`, `households.outcome.<status>`, `visits.outcome.<outcome>`, `survey.<id>.review.<state>`, `households.street.<street>.total|visited`,
/// `conflicts.open`, `survey.<id>.final|drafts|deleted|erased`,
/// `survey.<id>.participant|day|street.<name>.final|drafts`,
/// `survey.<id>.question.<name>.answered|skipped|notRelevant`,
/// `survey.<id>.question.<name>.choice.<choice>` and
/// `survey.<id>.question.<name>.count|min|max|mean|median`.
struct DashboardPage: Sendable {
    /// A row of a group table (participant, day or street) with a bar.
    struct GroupRow: Sendable {
        /// The group's name, or `(no household)` for the empty street.
        var name: String
        /// Final responses.
        var final: DashboardMetric
        /// Drafts.
        var drafts: DashboardMetric
        /// The bar's width in percent of the largest group.
        var percent: String
    }

    /// A table of groups under a title.
    struct GroupTable: Sendable {
        /// The panel's title, e.g. `Responses per day`.
        var title: String
        /// The first column's heading.
        var column: String
        /// The rows.
        var rows: [GroupRow]
    }

    /// A street of the door list.
    struct StreetRow: Sendable {
        /// The street.
        var name: String
        /// Doors.
        var total: DashboardMetric
        /// Doors with an outcome.
        var visited: DashboardMetric
        /// Coverage in percent, for the bar.
        var percent: String
    }

    /// A link to an export.
    struct ExportLink: Sendable {
        /// `CSV`, `XLSX`, `JSON` or `GeoJSON`.
        var label: String
        /// The dashboard's export URL.
        var href: String
    }

    /// A link of the language switch.
    struct LanguageLink: Sendable {
        /// `de` or `en`.
        var code: String
        /// The language's own name, e.g. `Deutsch`.
        var name: String
        /// The dashboard in that language.
        var href: String
        /// Whether the page is in this language.
        var current: Bool
    }

    /// One question's statistics and chart.
    struct QuestionSection: Sendable {
        /// The question name.
        var name: String
        /// Its label.
        var label: String
        /// Its type.
        var type: String
        /// Answered, skipped and not relevant.
        var counts: [DashboardMetric]
        /// Bars per choice, for select questions.
        var choices: BarChart?
        /// A histogram, for numbers.
        var histogram: Histogram?
        /// Count, min, max, mean and median, for numbers; empty for other types.
        var numbers: [DashboardMetric] = []
        /// Count and bounding box, for geopoints; empty for other types.
        var geopoints: [DashboardMetric] = []
        /// The first ``shownTexts`` text answers, for text questions and trainers only; empty otherwise.
        var texts: [String] = []
        /// For a personal question: a note that only counts are shown; nil otherwise.
        var personalNote: String?
        /// How many text answers are not listed, e.g. `… and 140 more (see the exports)`; nil when none.
        var moreTexts: String?
    }

    /// One survey's section.
    struct SurveySection: Sendable {
        /// The survey id.
        var id: String
        /// Its title.
        var title: String
        /// Its newest version, as text.
        var version: String
        /// Final, drafts, deleted.
        var totals: [DashboardMetric]
        /// Per participant, per day and per street.
        var groups: [GroupTable]
        /// Per question.
        var questions: [QuestionSection]
        /// Export links (full answers, trainers only); empty for surveys that are not published.
        var exports: [ExportLink]
        /// Pseudonymized export links, beside the full ones; empty for surveys that are not published.
        var pseudonymizedExports: [ExportLink]
    }

    /// A metric labelled for the overview cards.
    struct Card: Sendable {
        /// The caption.
        var caption: String
        /// The number.
        var metric: DashboardMetric
    }

    /// The page's language, for `<html lang>`.
    var lang: String
    /// The page's fixed texts by name (`dashboard.doors` as `t.doors`), in the page's language.
    var t: [String: String]
    /// The language switch.
    var languages: [LanguageLink]
    /// "Signed in as … · read-only · as of …".
    var signedIn: String
    /// The cohort.
    var cohort: String
    /// The signed-in trainer.
    var trainer: String
    /// When the page was made (UTC).
    var generatedAt: String
    /// Doors, visited, coverage and open conflicts.
    var cards: [Card]
    /// The coverage bar's width in percent.
    var coveragePercent: String
    /// Doors per derived status.
    var outcomes: BarChart
    /// Visits per outcome.
    var visitOutcomes: BarChart
    /// Per street.
    var streets: [StreetRow]
    /// One section per survey.
    var surveys: [SurveySection]
    /// Whether any survey exists.
    var hasSurveys: Bool

    /// Builds the page in `language` (English unless given) for a viewer in `role`: only trainers see free-text
    /// answers and the full exports; personal questions show counts only, to everyone.
    init(
        report: CohortReport, cohort: String, trainer: String, generatedAt: Timestamp, language: Language = .english,
        role: Role = .trainer
    ) {
        let catalog = language.catalog
        lang = language.rawValue
        t = Self.texts(catalog)
        languages = [(Language.german, "Deutsch"), (Language.english, "English")].map {
            LanguageLink(code: $0.0.rawValue, name: $0.1, href: "/dashboard?lang=" + $0.0.rawValue, current: $0.0 == language)
        }
        self.cohort = cohort
        self.trainer = trainer
        self.generatedAt = DisplayFormat(language: language, timeZone: TimeZone(identifier: "UTC")!).dateTime(generatedAt) + " UTC"
        signedIn = catalog.text("dashboard.signedIn", ["trainer": trainer, "time": self.generatedAt])
        let households = report.households
        cards = [
            Card(caption: catalog.text("dashboard.doors"), metric: DashboardMetric("households.total", count: households.total)),
            Card(caption: catalog.text("dashboard.doorsReached"), metric: DashboardMetric("households.visited", count: households.visited)),
            Card(caption: catalog.text("dashboard.coverage"), metric: DashboardMetric("households.coverage", share: households.coverage)),
            Card(caption: catalog.text("dashboard.openConflicts"), metric: DashboardMetric("conflicts.open", count: report.openConflicts.count)),
        ]
        coveragePercent = SVGNumber.format(households.coverage * 100)
        let answers = AnswerFormatter(catalog: catalog, format: DisplayFormat(language: language, timeZone: TimeZone(identifier: "UTC")!))
        outcomes = BarChart(
            households.outcomes.map {
                (catalog.text("doorStatus." + $0.outcome), "households.outcome.\($0.outcome)", $0.count)
            })
        visitOutcomes = BarChart(
            households.visitOutcomes.map { (answers.outcome($0.outcome), "visits.outcome.\($0.outcome)", $0.count) })
        streets = households.streets.map { street in
            StreetRow(
                name: street.street.isEmpty ? catalog.text("dashboard.noStreet") : street.street,
                total: DashboardMetric("households.street.\(street.street).total", count: street.total),
                visited: DashboardMetric("households.street.\(street.street).visited", count: street.visited),
                percent: SVGNumber.format(street.total == 0 ? 0 : Double(street.visited) / Double(street.total) * 100))
        }
        surveys = report.surveys.map { Self.section($0, catalog: catalog, format: answers.format, role: role) }
        hasSurveys = !surveys.isEmpty
    }

    /// The catalog's dashboard texts, by name without the `dashboard.` prefix.
    static func texts(_ catalog: MessageCatalog) -> [String: String] {
        var texts: [String: String] = [:]
        for (key, text) in catalog.messages where key.hasPrefix("dashboard.") {
            texts[String(key.dropFirst("dashboard.".count))] = text
        }
        return texts
    }

    private static func section(
        _ survey: SurveyReport, catalog: MessageCatalog, format: DisplayFormat, role: Role
    ) -> SurveySection {
        let formats = [("CSV", "csv"), ("XLSX", "xlsx"), ("JSON", "json"), ("GeoJSON", "geojson")]
        let prefix = "survey.\(survey.survey)"
        let query = survey.survey.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        return SurveySection(
            id: survey.survey, title: survey.title,
            version: survey.version.map(String.init) ?? catalog.text("dashboard.notPublished"),
            totals: [
                DashboardMetric("\(prefix).final", count: survey.final, caption: catalog.text("dashboard.final")),
                DashboardMetric("\(prefix).drafts", count: survey.drafts, caption: catalog.text("dashboard.drafts")),
                DashboardMetric("\(prefix).deleted", count: survey.deleted, caption: catalog.text("dashboard.deleted")),
                DashboardMetric("\(prefix).erased", count: survey.erased, caption: catalog.text("dashboard.erased")),
            ] + survey.reviews.map {
                DashboardMetric("\(prefix).review.\($0.state)", count: $0.count, caption: catalog.text("review.state." + $0.state))
            },
            groups: [
                GroupTable(
                    title: catalog.text("dashboard.perParticipant"), column: catalog.text("dashboard.participant"),
                    rows: rows(survey.participants, key: "\(prefix).participant", empty: catalog.text("dashboard.unknown"))),
                GroupTable(
                    title: catalog.text("dashboard.perDay"), column: catalog.text("dashboard.day"),
                    rows: rows(survey.days, key: "\(prefix).day", empty: catalog.text("dashboard.unknown"), display: format.date(iso:))),
                GroupTable(
                    title: catalog.text("dashboard.perStreet"), column: catalog.text("dashboard.street"),
                    rows: rows(survey.streets, key: "\(prefix).street", empty: catalog.text("dashboard.noHousehold"))),
            ],
            questions: survey.questions.map {
                question($0, prefix: "\(prefix).question.\($0.name)", catalog: catalog, listsTexts: role == .trainer)
            },
            exports: survey.version == nil || role != .trainer
                ? []
                : formats.map { ExportLink(label: $0.0, href: "/dashboard/export?format=\($0.1)&survey=\(query)") },
            pseudonymizedExports: survey.version == nil
                ? []
                : formats.map {
                    ExportLink(label: $0.0, href: "/dashboard/export?format=\($0.1)&survey=\(query)&pseudonymize=true")
                })
    }

    private static func rows(
        _ groups: [GroupCount], key: String, empty: String, display: (String) -> String = { $0 }
    ) -> [GroupRow] {
        let largest = max(groups.map { $0.final + $0.drafts }.max() ?? 0, 1)
        return groups.map { group in
            GroupRow(
                name: group.name.isEmpty ? empty : display(group.name),
                final: DashboardMetric("\(key).\(group.name).final", count: group.final),
                drafts: DashboardMetric("\(key).\(group.name).drafts", count: group.drafts),
                percent: SVGNumber.format(Double(group.final + group.drafts) / Double(largest) * 100))
        }
    }

    private static func question(
        _ question: QuestionReport, prefix: String, catalog: MessageCatalog, listsTexts: Bool
    ) -> QuestionSection {
        func caption(_ name: String) -> String { catalog.text("dashboard.stat." + name) }
        var section = QuestionSection(
            name: question.name, label: question.label, type: question.type.rawValue,
            counts: [
                DashboardMetric("\(prefix).answered", count: question.answered, caption: caption("answered")),
                DashboardMetric("\(prefix).skipped", count: question.skipped, caption: caption("skipped")),
                DashboardMetric("\(prefix).notRelevant", count: question.notRelevant, caption: caption("notAsked")),
            ])
        if let choices = question.choices {
            section.choices = BarChart(choices.map { ($0.label, "\(prefix).choice.\($0.name)", $0.count) })
        }
        if let numbers = question.numbers {
            section.histogram = Histogram(distribution: numbers.distribution)
            section.numbers =
                [DashboardMetric("\(prefix).count", count: numbers.count, caption: caption("count"))]
                + [("min", numbers.min), ("max", numbers.max), ("mean", numbers.mean), ("median", numbers.median)]
                .compactMap { name, value in value.map { DashboardMetric("\(prefix).\(name)", number: $0, caption: caption(name)) } }
        }
        if let geopoints = question.geopoints {
            section.geopoints =
                [DashboardMetric("\(prefix).count", count: geopoints.count, caption: caption("locations"))]
                + [
                    ("minLatitude", geopoints.minLatitude), ("maxLatitude", geopoints.maxLatitude),
                    ("minLongitude", geopoints.minLongitude), ("maxLongitude", geopoints.maxLongitude),
                ].compactMap { name, value in value.map { DashboardMetric("\(prefix).\(name)", number: $0, caption: caption(name)) } }
        }
        if question.personal { section.personalNote = catalog.text("dashboard.personalCountsOnly") }
        if listsTexts, let texts = question.texts {
            section.texts = Array(texts.prefix(shownTexts))
            let older = (question.textCount ?? texts.count) - section.texts.count
            if older > 0 { section.moreTexts = catalog.text("dashboard.moreTexts", ["count": String(older)]) }
        }
        return section
    }

    /// How many text answers a question lists, the first in interview order; the exports hold all.
    static let shownTexts = CohortReport.listedTexts
}
