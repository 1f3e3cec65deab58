/// A part of a message: a value (from a file, a name, a number) shown as it is, or a wording looked
/// up in the reader's catalog, so that a message built of parts reads in one language.
public indirect enum CatalogText: Hashable, Sendable, ExpressibleByStringInterpolation {
    /// A value from the file or a list of names, shown as it is.
    case verbatim(String)
    /// The catalog text `key`, its placeholders filled from `arguments`.
    case worded(String, [String: CatalogText])

    /// A value written as a string literal or interpolation.
    public init(stringLiteral value: String) { self = .verbatim(value) }

    /// The text in `catalog`'s language.
    public func text(in catalog: MessageCatalog) -> String {
        switch self {
        case .verbatim(let value): value
        case .worded(let key, let arguments): catalog.text(key, arguments.mapValues { $0.text(in: catalog) })
        }
    }
}
