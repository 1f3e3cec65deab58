/// A horizontal bar chart for the choices of a select question or the outcomes of the door
/// list, laid out for an inline SVG that scales to the page width.
struct BarChart: Sendable {
    /// One bar with its label and count.
    struct Bar: Sendable {
        /// The label above the bar.
        var label: String
        /// The count, with its stable key.
        var metric: DashboardMetric
        /// The label's baseline.
        var labelY: Int
        /// The bar's top.
        var barY: Int
        /// The bar's width in view box units (at least 1, so that zero shows as a hairline).
        var width: String
        /// Where the count is written.
        var countX: String
        /// The count's baseline.
        var countY: Int
    }

    /// The view box width.
    static let width = 400
    /// The widest bar, leaving room for the count.
    static let plotWidth = 340.0
    /// The height of one row (label and bar).
    static let rowHeight = 36

    /// The bars, in the given order.
    var bars: [Bar]
    /// The view box height.
    var height: Int
    /// `0 0 400 height`.
    var viewBox: String
    /// A text summary for screen readers.
    var summary: String

    /// Lays out `items` (label, key, count).
    init(_ items: [(label: String, key: String, count: Int)]) {
        let largest = max(items.map(\.count).max() ?? 0, 1)
        bars = items.enumerated().map { index, item in
            let top = index * Self.rowHeight
            let width = Double(item.count) / Double(largest) * Self.plotWidth
            let shown = max(width, 1)
            return Bar(
                label: item.label, metric: DashboardMetric(item.key, count: item.count), labelY: top + 13, barY: top + 18,
                width: DashboardMetric.format(shown), countX: DashboardMetric.format(shown + 6), countY: top + 29)
        }
        height = max(items.count * Self.rowHeight + 4, 10)
        viewBox = "0 0 \(Self.width) \(height)"
        summary = items.map { "\($0.label): \($0.count)" }.joined(separator: "; ")
    }
}
