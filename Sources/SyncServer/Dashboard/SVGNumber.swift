/// Writes numbers for SVG and HTML attributes (`x="12.5%"`, `height="118"`): at most two
/// decimals, always a valid number as SVG and CSS read it — no trailing dot, no exponent, no
/// locale separator, no `-0`, and `0` for values that are not finite.
enum SVGNumber {
    /// The largest magnitude written through whole hundredths; larger values are written whole.
    private static let hundredthsLimit = 9.0e16

    /// `50`, `7.5`, `3.33`, `-2.5`: rounded to hundredths, without trailing zeros.
    static func format(_ number: Double) -> String {
        guard number.isFinite else { return "0" }
        let scaled = (number * 100).rounded()
        guard abs(scaled) < hundredthsLimit else {
            // Whole numbers beyond 2^53 have no fraction worth writing; `%.0f` never uses an exponent.
            return String(format: "%.0f", number.rounded())
        }
        let hundredths = Int64(scaled)
        if hundredths == 0 { return "0" }
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = hundredths.magnitude
        let whole = magnitude / 100
        let fraction = magnitude % 100
        if fraction == 0 { return "\(sign)\(whole)" }
        let digits = fraction % 10 == 0 ? "\(fraction / 10)" : (fraction < 10 ? "0\(fraction)" : "\(fraction)")
        return "\(sign)\(whole).\(digits)"
    }
}
