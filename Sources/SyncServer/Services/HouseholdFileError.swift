import Spreadsheet
import SyncModel

/// Why a door list cannot be imported: every problem found, by row. The wording, with what to do,
/// is looked up in a catalog, so the operator reads it in their language.
struct HouseholdFileError: Error, Equatable, CustomStringConvertible {
    /// One problem of the file.
    enum Problem: Equatable, Sendable {
        /// The bytes are neither UTF-8 nor Windows-1252 text.
        case notText
        /// The workbook cannot be read; the error says why.
        case unreadableWorkbook(WorkbookError)
        /// A quoted CSV field opened in `row` is never closed.
        case unclosedQuote(row: Int)
        /// The file has no row with content.
        case empty
        /// The header row lacks the street column, the house number column, or both.
        case missingColumns(row: Int, street: Bool, houseNumber: Bool, header: [String])
        /// A row lacks its street, its house number, or both.
        case emptyAddress(row: Int, street: Bool, houseNumber: Bool)
        /// A row names the same door (`address`) as an earlier row, neither with an id.
        case sameDoor(row: Int, first: Int, address: String)
        /// A row uses the id of an earlier row.
        case sameID(row: Int, first: Int, id: String)
    }

    /// The problems, in the order they were found.
    var problems: [Problem]
    /// Whether the problems are about rows (and so listed), not about the whole file.
    var byRow: Bool

    /// An error about rows.
    init(problems: [Problem]) {
        self.problems = problems
        byRow = true
    }

    /// An error about the whole file.
    init(_ problem: Problem) {
        problems = [problem]
        byRow = false
    }

    /// The message in `catalog`'s language; long lists are cut after `limit` rows.
    func message(in catalog: MessageCatalog, limit: Int = 20) -> String {
        let lines = problems.prefix(limit).map { Self.text(of: $0, in: catalog) }
        guard byRow else { return lines.joined(separator: "\n") }
        var listed = Array(lines)
        if problems.count > limit {
            listed.append(catalog.text("doorList.more", ["count": String(problems.count - limit)]))
        }
        let heading = catalog.text(problems.count == 1 ? "doorList.heading.one" : "doorList.heading.many", ["count": String(problems.count)])
        return ([heading] + listed).joined(separator: "\n")
    }

    /// The message in English.
    var description: String { message(in: .english) }

    private static func text(of problem: Problem, in catalog: MessageCatalog) -> String {
        let header = catalog.text("doorList.suggestedHeader")
        switch problem {
        case .notText:
            return catalog.text("doorList.notText")
        case .unreadableWorkbook(let error):
            return error.message(in: catalog)
        case .unclosedQuote(let row):
            return catalog.text("doorList.unclosedQuote", ["row": String(row)])
        case .empty:
            return catalog.text("doorList.empty", ["header": header])
        case .missingColumns(let row, let street, let houseNumber, let found):
            let key = street && houseNumber ? "doorList.missingColumns.both" : street ? "doorList.missingColumns.street" : "doorList.missingColumns.houseNumber"
            return catalog.text(key, ["row": String(row), "found": found.joined(separator: ", "), "header": header])
        case .emptyAddress(let row, let street, let houseNumber):
            let key = street && houseNumber ? "doorList.emptyAddress.both" : street ? "doorList.emptyAddress.street" : "doorList.emptyAddress.houseNumber"
            return catalog.text(key, ["row": String(row)])
        case .sameDoor(let row, let first, let address):
            return catalog.text("doorList.sameDoor", ["row": String(row), "first": String(first), "address": address])
        case .sameID(let row, let first, let id):
            return catalog.text("doorList.sameID", ["row": String(row), "first": String(first), "id": id])
        }
    }
}
