extension String {
    /// The text without leading and trailing spaces, as `trimmingCharacters(in: .whitespaces)`
    /// trims them (tab and the Unicode space separators), but without Foundation's bridging,
    /// and without a copy when there is nothing to trim: conditions are evaluated for every
    /// pushed response.
    func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return "" }
        if !first.isSpace && !last.isSpace { return self }
        guard let start = scalars.firstIndex(where: { !$0.isSpace }) else { return "" }
        let end = scalars.lastIndex(where: { !$0.isSpace })!
        return String(Substring(scalars[start...end]))
    }
}

extension Unicode.Scalar {
    /// Whether this is a tab, a space separator (general category Zs) or the zero width space:
    /// what `CharacterSet.whitespaces` holds (checked against it for every scalar).
    var isSpace: Bool { self == "\t" || self == "\u{200B}" || properties.generalCategory == .spaceSeparator }
}
