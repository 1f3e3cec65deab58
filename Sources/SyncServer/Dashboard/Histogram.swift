import SyncModel

/// A histogram of numeric answers for an inline SVG: one bin per whole number when the
/// answers are whole numbers spanning at most 16 values, otherwise 10 equal bins. Columns are
/// placed in percent of the width and in pixels of the fixed height, so text keeps its size.
struct Histogram: Sendable {
    /// One column.
    struct Column: Sendable {
        /// The bin, e.g. `3` or `14–24`.
        var label: String
        /// How many answers fall into it.
        var count: Int
        /// The column's left edge, in percent.
        var x: String
        /// The column's top, in pixels.
        var y: String
        /// The column's width, in percent.
        var width: String
        /// The column's height, in pixels.
        var height: String
        /// The centre, in percent, for the labels.
        var centerX: String
        /// Where the count is written, in pixels.
        var countY: String
    }

    /// The baseline of the columns, in pixels.
    static let baseline = 140.0
    /// The tallest column, in pixels.
    static let plotHeight = 118.0

    /// The columns, from the smallest bin.
    var columns: [Column]
    /// The baseline's y, for the axis line.
    var axisY = "140"
    /// Where bin labels are written.
    var labelY = "156"
    /// The chart's height in pixels.
    var height = 164
    /// A label under the axis.
    struct AxisLabel: Sendable {
        /// The position, in percent.
        var x: String
        /// `start`, `middle` or `end`.
        var anchor: String
        /// The text.
        var text: String
    }

    /// Labels under the axis: each whole number, or the lowest, middle and highest value of ranges.
    var axisLabels: [AxisLabel]
    /// A text summary for screen readers.
    var summary: String

    /// Bins `values` (in any order); nil when there are none.
    init?(values: [Double]) {
        self.init(distribution: NumberSummary(values).distribution)
    }

    /// Bins answers given as how often each value was answered (ascending, as
    /// ``NumberSummary/distribution``); nil when there are none.
    init?(distribution: [NumberCount]) {
        guard let low = distribution.first?.value, let high = distribution.last?.value else { return nil }
        var bins: [(label: String, count: Int)]
        let whole = distribution.allSatisfy { $0.value == $0.value.rounded() && abs($0.value) < 1e12 }
        if whole && high - low < 16 {
            bins = (Int64(low)...Int64(high)).map { (String($0), 0) }
            for entry in distribution { bins[Int(Int64(entry.value) - Int64(low))].count += entry.count }
        } else if low == high {
            bins = [(DashboardMetric.format(low), distribution.reduce(0) { $0 + $1.count })]
        } else {
            let count = 10
            let step = (high - low) / Double(count)
            bins = (0..<count).map { index in
                let from = low + Double(index) * step
                return ("\(DashboardMetric.format(from))–\(DashboardMetric.format(index == count - 1 ? high : from + step))", 0)
            }
            for entry in distribution { bins[min(Int((entry.value - low) / step), count - 1)].count += entry.count }
        }
        let largest = Double(max(bins.map(\.count).max() ?? 1, 1))
        let slot = 100.0 / Double(bins.count)
        columns = bins.enumerated().map { index, bin in
            let height = max(Double(bin.count) / largest * Self.plotHeight, bin.count > 0 ? 1 : 0)
            let x = Double(index) * slot + slot * 0.08
            let width = slot * 0.84
            return Column(
                label: bin.label, count: bin.count, x: SVGNumber.format(x),
                y: SVGNumber.format(Self.baseline - height), width: SVGNumber.format(width),
                height: SVGNumber.format(height), centerX: SVGNumber.format(x + width / 2),
                countY: SVGNumber.format(Self.baseline - height - 4))
        }
        if bins.count == 1 || bins.allSatisfy({ !$0.label.contains("–") }) {
            axisLabels = columns.map { AxisLabel(x: $0.centerX, anchor: "middle", text: $0.label) }
        } else {
            axisLabels = [
                AxisLabel(x: "0", anchor: "start", text: DashboardMetric.format(low)),
                AxisLabel(x: "50", anchor: "middle", text: DashboardMetric.format((low + high) / 2)),
                AxisLabel(x: "100", anchor: "end", text: DashboardMetric.format(high)),
            ]
        }
        summary = bins.map { "\($0.label): \($0.count)" }.joined(separator: "; ")
    }
}
