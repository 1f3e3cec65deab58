import SyncModel

/// Why a workbook cannot be read, in words a spreadsheet user can act on, worded in a catalog so
/// that it reads in the user's language.
public struct WorkbookError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What is wrong and what to do about it.
    public let text: CatalogText

    /// Creates an error worded by `workbook.<key>`.
    init(_ key: String, _ arguments: [String: CatalogText] = [:]) {
        text = .worded("workbook.\(key)", arguments)
    }

    /// The message in `catalog`'s language.
    public func message(in catalog: MessageCatalog) -> String { text.text(in: catalog) }

    /// The message in English.
    public var message: String { message(in: .english) }

    /// The message in English.
    public var description: String { message }

    /// The error for a file that is not an XLSX workbook at all.
    static let notAWorkbook = WorkbookError("notAWorkbook")

    /// The error for a workbook `part` that is missing or damaged; `damage` (`workbook.damage.<damage>`) says how.
    static func damaged(_ part: String, _ damage: String, _ arguments: [String: CatalogText] = [:]) -> WorkbookError {
        WorkbookError("damaged", ["part": .verbatim(part), "detail": .worded("workbook.damage.\(damage)", arguments)])
    }
}
