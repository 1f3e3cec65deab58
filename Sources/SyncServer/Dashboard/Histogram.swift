/// A histogram of numeric answers for an inline SVG: one bin per whole number when the
/// answers are whole numbers spanning at most 16 values, otherwise 10 equal bins.
struct Histogram: Sendable {
    /// One column.
    struct Column: Sendable {
        /// The bin, e.g. `3` or `14–24`.
        var label: String
        /// How many answers fall into it.
        var count: Int
        /// The column's left edge.
        var x: String
        /// The column's top.
        var y: String
        /// The column's width.
        var width: String
        /// The column's height.
        var height: String
        /// The centre, for the labels.
        var centerX: String
        /// Where the count is written.
        var countY: String
    }

    /// The view box width.
    static let width = 400.0
    /// The baseline of the columns.
    static let baseline = 150.0
    /// The tallest column.
    static let plotHeight = 120.0

    /// The columns, from the smallest bin.
    var columns: [Column]
    /// `0 0 400 180`.
    var viewBox = "0 0 400 180"
    /// The baseline's y, for the axis line.
    var axisY = "150"
    /// Where bin labels are written.
    var labelY = "166"
    /// A text summary for screen readers.
    var summary: String

    /// Bins `values` (sorted ascending); nil when there are none.
    init?(values: [Double]) {
        guard let low = values.first, let high = values.last else { return nil }
        var bins: [(label: String, count: Int)]
        let whole = values.allSatisfy { $0 == $0.rounded() && abs($0) < 1e12 }
        if whole && high - low < 16 {
            bins = (Int64(low)...Int64(high)).map { (String($0), 0) }
            for value in values { bins[Int(Int64(value) - Int64(low))].count += 1 }
        } else if low == high {
            bins = [(DashboardMetric.format(low), values.count)]
        } else {
            let count = 10
            let step = (high - low) / Double(count)
            bins = (0..<count).map { index in
                let from = low + Double(index) * step
                return ("\(DashboardMetric.format(from))–\(DashboardMetric.format(index == count - 1 ? high : from + step))", 0)
            }
            for value in values { bins[min(Int((value - low) / step), count - 1)].count += 1 }
        }
        let largest = Double(max(bins.map(\.count).max() ?? 1, 1))
        let slot = (Self.width - 20) / Double(bins.count)
        columns = bins.enumerated().map { index, bin in
            let height = max(Double(bin.count) / largest * Self.plotHeight, bin.count > 0 ? 1 : 0)
            let x = 10 + Double(index) * slot + 2
            return Column(
                label: bin.label, count: bin.count, x: DashboardMetric.format(x), y: DashboardMetric.format(Self.baseline - height),
                width: DashboardMetric.format(slot - 4), height: DashboardMetric.format(height),
                centerX: DashboardMetric.format(x + (slot - 4) / 2), countY: DashboardMetric.format(Self.baseline - height - 4))
        }
        summary = bins.map { "\($0.label): \($0.count)" }.joined(separator: "; ")
    }
}
