/// A number shown on the dashboard, with a stable key and its exact value in data attributes,
/// so that a test can compare the page with the JSON report.
struct DashboardMetric: Sendable {
    /// The stable key, e.g. `survey.nachbarschaft-2026.final`; see docs/WALKTHROUGH.md.
    var key: String
    /// The exact value as in the JSON report.
    var value: String
    /// The value as shown.
    var text: String
    /// What the number counts, where the page shows it beside the number.
    var caption: String

    /// A count.
    init(_ key: String, count: Int, caption: String = "") {
        self.key = key
        self.caption = caption
        value = String(count)
        text = String(count)
    }

    /// A number, shown with at most two decimals.
    init(_ key: String, number: Double, caption: String = "") {
        self.key = key
        self.caption = caption
        value = String(number)
        text = Self.format(number)
    }

    /// A share between 0 and 1, shown as a percentage.
    init(_ key: String, share: Double, caption: String = "") {
        self.key = key
        self.caption = caption
        value = String(share)
        text = Self.format(share * 100) + " %"
    }

    /// `12`, `7.5`, `3.33`: whole numbers without decimals, others with at most two.
    static func format(_ number: Double) -> String {
        SVGNumber.format(number)
    }
}
