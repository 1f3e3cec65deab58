/// The width of a worksheet column, in characters of the default font.
public struct XLSXColumn: Hashable, Sendable {
    /// The width in characters.
    public let width: Double

    /// Creates a column of `width` characters.
    public init(width: Double) {
        self.width = width
    }

    /// A readable width for a column headed by `texts`, for values at least `minimum` characters
    /// wide: the longest line of the texts plus padding, between `minimum` and `maximum`.
    public static func fitting(_ texts: [String], minimum: Double = 8, maximum: Double = 50) -> XLSXColumn {
        let longest = texts.flatMap { $0.split(separator: "\n") }.map(\.count).max() ?? 0
        return XLSXColumn(width: Swift.min(maximum, Swift.max(minimum, Double(longest) + 2)))
    }
}
