import GRDB

extension SQLiteRecordStore: SQLRecordStore {
    /// Runs `script` in one read transaction, so in one snapshot, mapping storage failures (``mapped(_:)``).
    func reading<T: Sendable>(_ script: StoreScript<T>) async throws -> T {
        do { return try await writer.read { db in try Self.run(script, in: db) } } catch { throw Self.mapped(error) }
    }

    /// Runs `script` in one write transaction, mapping storage failures (``mapped(_:)``).
    func writing<T: Sendable>(_ script: StoreScript<T>) async throws -> T {
        do { return try await writer.write { db in try Self.run(script, in: db) } } catch { throw Self.mapped(error) }
    }

    /// Runs `script` in `db`'s current transaction; an insertion's statement is prepared once and
    /// run once per row.
    static func run<T: Sendable>(_ script: StoreScript<T>, in db: Database) throws -> T {
        try script.run(rows: { try rows(of: $0, in: db) }) { insertion in
            guard !insertion.rows.isEmpty else { return }
            let statement = try db.makeStatement(sql: insertion.sql(rows: 1))
            for row in insertion.rows { try statement.execute(arguments: StatementArguments(row.map(\.bindable))) }
        }
    }

    /// The rows of `statement`; a unique-constraint violation throws the statement's `onDuplicate`.
    private static func rows(of statement: StoreStatement, in db: Database) throws -> [StoreRow] {
        do {
            return try Row.fetchAll(db, sql: statement.sql, arguments: StatementArguments(statement.binds.map(\.bindable)))
                .map { StoreRow(values: $0.databaseValues.map(StoreValue.init)) }
        } catch let error as DatabaseError
            where [.SQLITE_CONSTRAINT_UNIQUE, .SQLITE_CONSTRAINT_PRIMARYKEY].contains(error.extendedResultCode)
        {
            throw statement.onDuplicate ?? error
        }
    }
}

extension StoreValue {
    /// The value as GRDB binds it most cheaply: its payload, as an array literal of arguments holds
    /// it. (GRDB's initializer for a sequence of `some DatabaseValueConvertible` is generic across
    /// the module boundary; with it, building the arguments took 39 % of a push's transaction
    /// instead of 24 %.)
    var bindable: (any DatabaseValueConvertible)? {
        switch self {
        case .null: nil
        case .int(let value): value
        case .text(let value): value
        case .blob(let value): value
        case .uuid(let value): value.uuidString
        }
    }

    /// A column as SQLite stores it (the schema has no REAL columns).
    init(_ value: DatabaseValue) {
        switch value.storage {
        case .null: self = .null
        case .int64(let value): self = .int(value)
        case .double(let value): self = .int(Int64(value))
        case .string(let value): self = .text(value)
        case .blob(let value): self = .blob(value)
        }
    }
}
