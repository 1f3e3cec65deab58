import Foundation
import SyncModel

/// One result row of a ``StoreScript`` statement, its columns in the order the statement names them.
struct StoreRow: Sendable {
    /// The columns.
    var values: [StoreValue]

    /// The text in column `index`; throws when it is NULL or not text.
    func text(_ index: Int) throws -> String {
        guard case .text(let value) = values[index] else { throw Self.mismatch(index, "text") }
        return value
    }

    /// The text in column `index`, nil when it is NULL.
    func optionalText(_ index: Int) throws -> String? {
        values[index] == .null ? nil : try text(index)
    }

    /// The integer in column `index`; throws when it is NULL or not an integer.
    func int(_ index: Int) throws -> Int64 {
        guard case .int(let value) = values[index] else { throw Self.mismatch(index, "integer") }
        return value
    }

    /// The integer in column `index`, nil when it is NULL.
    func optionalInt(_ index: Int) throws -> Int64? {
        values[index] == .null ? nil : try int(index)
    }

    /// The time in column `index` (milliseconds since 1970).
    func time(_ index: Int) throws -> Timestamp {
        Timestamp(millisecondsSince1970: try int(index))
    }

    /// The bytes in column `index`; throws when it is NULL or not bytes.
    func blob(_ index: Int) throws -> Data {
        guard case .blob(let value) = values[index] else { throw Self.mismatch(index, "bytes") }
        return value
    }

    /// The error for a column that does not hold what the schema says it holds.
    private static func mismatch(_ index: Int, _ expected: String) -> StoreError {
        .unavailable("Column \(index) of a stored row does not hold \(expected); the database does not match the schema.")
    }
}
