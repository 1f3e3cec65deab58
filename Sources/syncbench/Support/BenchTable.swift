import Foundation

/// Renders measurements as the Markdown table of BENCHMARKS.md.
enum BenchTable {
    /// The table with a header naming the sizes.
    static func render(_ measurements: [Measurement], plan: BenchPlan) -> String {
        var lines = [
            "| Row | What | Value | Baseline | Ratio | Goal |",
            "|---|---|---:|---:|---:|---|",
        ]
        for m in measurements { lines.append(line(m)) }
        return lines.joined(separator: "\n")
    }

    /// One measurement as a row of the table.
    static func line(_ m: Measurement) -> String {
        let goal = m.goal.map { goal in m.met.map { "\(goal) (\($0 ? "met" : "missed"))" } ?? goal } ?? "—"
        return "| \(m.row) | \(m.what) | \(format(m.value)) \(m.unit) | \(m.baseline.map(format) ?? "—") | "
            + "\(m.ratio.map { String(format: "%.3f", $0) } ?? "—") | \(goal) |"
    }

    /// A number with thousands grouped and sensible decimals.
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return "\(value)" }
        if abs(value) >= 100 {
            let whole = Int(value.rounded())
            let digits = String(abs(whole))
            var grouped = ""
            for (index, character) in digits.enumerated() {
                if index > 0 && (digits.count - index) % 3 == 0 { grouped.append(",") }
                grouped.append(character)
            }
            return (whole < 0 ? "-" : "") + grouped
        }
        return String(format: abs(value) >= 10 ? "%.1f" : "%.2f", value)
    }
}
