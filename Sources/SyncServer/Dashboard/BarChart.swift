/// A horizontal bar chart for the choices of a select question or the outcomes of the door
/// list, for an inline SVG whose bars are sized in percent of its width and whose text keeps
/// its size, so that it reads the same on a laptop and on a phone.
struct BarChart: Sendable {
    /// One bar with its label and count.
    struct Bar: Sendable {
        /// The label above the bar.
        var label: String
        /// The count, with its stable key.
        var metric: DashboardMetric
        /// The label's baseline, in pixels.
        var labelY: Int
        /// The bar's top, in pixels.
        var barY: Int
        /// The bar's width in percent of the chart (a hairline for zero).
        var width: String
        /// Where the count is written, in percent of the chart.
        var countX: String
        /// The count's baseline, in pixels.
        var countY: Int
    }

    /// The widest bar in percent, leaving room for the count.
    static let plotPercent = 86.0
    /// The height of one row (label and bar), in pixels.
    static let rowHeight = 38

    /// The bars, in the given order.
    var bars: [Bar]
    /// The chart's height in pixels.
    var height: Int
    /// A text summary for screen readers.
    var summary: String

    /// Lays out `items` (label, key, count).
    init(_ items: [(label: String, key: String, count: Int)]) {
        let largest = max(items.map(\.count).max() ?? 0, 1)
        bars = items.enumerated().map { index, item in
            let top = index * Self.rowHeight
            let width = max(Double(item.count) / Double(largest) * Self.plotPercent, 0.4)
            return Bar(
                label: item.label, metric: DashboardMetric(item.key, count: item.count), labelY: top + 14, barY: top + 20,
                width: SVGNumber.format(width), countX: SVGNumber.format(width + 1.5), countY: top + 31)
        }
        height = max(items.count * Self.rowHeight, 10)
        summary = items.map { "\($0.label): \($0.count)" }.joined(separator: "; ")
    }
}
