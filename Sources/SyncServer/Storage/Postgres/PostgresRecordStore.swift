import Foundation
import Logging
import NIOCore
import PostgresNIO
import SyncModel

/// The store for deployments that outgrow one machine: a PostgreSQL database shared by any
/// number of `syncserver` instances, through a PostgresNIO `PostgresClient` connection pool.
///
/// The pool must run (`client.run()`, e.g. as a service beside the HTTP server) while the store
/// is used; `migrate(random:)` brings the schema up to date before the first use. See
/// docs/PROTOCOL.md for how this store keeps the change feed gap-free across instances.
final class PostgresRecordStore: RecordStore {
    /// The connection pool.
    let client: PostgresClient
    /// Where the database is, without the password; used in error messages.
    let location: PostgresLocation
    /// The logger for queries; never given tokens or answers.
    let logger: Logger
    /// How long a call may wait for a connection before it fails with `StoreError.unavailable`
    /// (the route answers 503) instead of waiting for a database that is down.
    let leaseDeadline: Duration
    /// The erasure journal (`--erasure-journal`); none when not given.
    let erasureJournal: ErasureJournal?

    /// Wraps a pool; nothing is sent before the first call.
    init(
        client: PostgresClient, location: PostgresLocation, logger: Logger, leaseDeadline: Duration = .seconds(10),
        journal: ErasureJournal? = nil
    ) {
        self.client = client
        self.erasureJournal = journal
        self.location = location
        self.logger = logger
        self.leaseDeadline = leaseDeadline
    }

    /// Creates the pool for `location`; run `client.run()` before using the store.
    convenience init(location: PostgresLocation, logger: Logger, journal: ErasureJournal? = nil) {
        let client = PostgresClient(configuration: location.clientConfiguration, backgroundLogger: logger)
        self.init(client: client, location: location, logger: logger, journal: journal)
    }

    /// Runs `body` on one connection inside `BEGIN`…`COMMIT`; any thrown error rolls back and
    /// is rethrown as it is, with PostgreSQL failures mapped to `StoreError`.
    func transaction<T: Sendable>(
        _ body: @escaping @Sendable (PostgresConnection) async throws -> T
    ) async throws -> T {
        let logger = logger
        return try await withConnection { connection in
            try await connection.query("BEGIN", logger: logger)
            do {
                let value = try await body(connection)
                try await connection.query("COMMIT", logger: logger)
                return value
            } catch {
                _ = try? await connection.query("ROLLBACK", logger: logger)
                throw error
            }
        }
    }

    /// Leases a connection for `body`, failing with `StoreError.unavailable` when none is
    /// available within `leaseDeadline`; once leased, `body` runs to its end.
    func withConnection<T: Sendable>(
        _ body: @escaping @Sendable (PostgresConnection) async throws -> T
    ) async throws -> T {
        let leased = LeaseFlag()
        let client = client
        let location = location
        let deadline = leaseDeadline
        do {
            return try await withThrowingTaskGroup(of: T?.self) { group in
                group.addTask {
                    try await client.withConnection { connection in
                        leased.set()
                        return try await body(connection)
                    }
                }
                group.addTask {
                    try await Task.sleep(for: deadline)
                    guard leased.isSet else {
                        throw StoreError.unavailable("no connection to \(location) within \(deadline)")
                    }
                    return nil
                }
                while let next = try await group.next() {
                    if let value = next {
                        group.cancelAll()
                        return value
                    }
                }
                throw StoreError.unavailable("no connection to \(location)")
            }
        } catch {
            throw mapped(error)
        }
    }

    /// Maps connection failures and "cannot write now" server errors to `StoreError.unavailable`
    /// (the routes answer 503); keeps others.
    func mapped(_ error: any Error) -> any Error {
        guard let error = error as? PSQLError else { return error }
        switch error.code {
        case .server:
            let state = error.serverInfo?[.sqlState] ?? ""
            // 08: connection, 53: insufficient resources (disk full, too many connections),
            // 57: operator intervention (shutdown), 25006: read-only transaction, 40: serialization/deadlock.
            if state.hasPrefix("08") || state.hasPrefix("53") || state.hasPrefix("57") || state == "25006"
                || state.hasPrefix("40")
            {
                return StoreError.unavailable("PostgreSQL error \(state) at \(location)")
            }
            return error
        case .connectionError, .serverClosedConnection, .clientClosedConnection, .poolClosed, .uncleanShutdown,
            .sslUnsupported, .failedToAddSSLHandler, .unsupportedAuthMechanism, .authMechanismRequiresPassword,
            .saslError:
            let cause = error.underlying.map { " (\($0))" } ?? ""
            return StoreError.unavailable("cannot connect to \(location): \(error.code)\(cause)")
        default:
            return error
        }
    }

    /// The SQLSTATE of a server error, if `error` is one.
    static func sqlState(of error: any Error) -> String? {
        (error as? PSQLError)?.serverInfo?[.sqlState]
    }
}

extension PostgresRecordStore {
    /// The server's message of a PostgreSQL error (e.g. `database "x" does not exist`), if any.
    static func serverMessage(of error: any Error) -> String? {
        guard let error = error as? PSQLError else { return nil }
        if let message = error.serverInfo?[.message] { return message }
        if let underlying = error.underlying { return "\(error.code): \(underlying)" }
        return "\(error.code)"
    }
}

extension PostgresRecordStore: SQLRecordStore {
    /// Runs `script` on one connection, each statement on its own.
    func reading<T: Sendable>(_ script: StoreScript<T>) async throws -> T {
        let logger = logger
        return try await withConnection { connection in try await Self.run(script, on: connection, logger: logger) }
    }

    /// Runs `script` in one transaction.
    func writing<T: Sendable>(_ script: StoreScript<T>) async throws -> T {
        let logger = logger
        return try await transaction { connection in try await Self.run(script, on: connection, logger: logger) }
    }

    /// Runs `script` on `connection`, in its current transaction if any; an insertion runs as
    /// multi-row statements of ``SQLRecordStore/rowsPerStatement`` rows.
    static func run<T: Sendable>(_ script: StoreScript<T>, on connection: PostgresConnection, logger: Logger) async throws
        -> T
    {
        try await script.run(rows: { try await rows(of: $0, on: connection, logger: logger) }) { insertion in
            for part in StoreStatement.parts(of: insertion.rows, size: rowsPerStatement) {
                let statement = StoreStatement(sql: insertion.sql(rows: part.count), binds: part.flatMap { $0 })
                _ = try await rows(of: statement, on: connection, logger: logger)
            }
        }
    }

    /// The rows of `statement`, with `?` numbered as `$1`, `$2`, …; a unique-constraint violation
    /// throws the statement's `onDuplicate`.
    private static func rows(of statement: StoreStatement, on connection: PostgresConnection, logger: Logger) async throws
        -> [StoreRow]
    {
        var binds = PostgresBindings(capacity: statement.binds.count)
        for value in statement.binds {
            switch value {
            case .null: binds.appendNull()
            case .int(let value): binds.append(value)
            case .text(let value): binds.append(value)
            case .blob(let value): binds.append(ByteBuffer(bytes: value))
            case .uuid(let value): binds.append(value)
            }
        }
        // Byte by byte: a many-row insertion has thousands of placeholders.
        var sql: [UInt8] = []
        sql.reserveCapacity(statement.sql.utf8.count + 5 * statement.binds.count)
        var number = 0
        for byte in statement.sql.utf8 {
            guard byte == UInt8(ascii: "?") else {
                sql.append(byte)
                continue
            }
            number += 1
            sql.append(UInt8(ascii: "$"))
            sql.append(contentsOf: String(number).utf8)
        }
        do {
            let query = PostgresQuery(unsafeSQL: String(decoding: sql, as: UTF8.self), binds: binds)
            return try await connection.query(query, logger: logger).collect()
                .map(StoreRow.init(postgres:))
        } catch where sqlState(of: error) == "23505" {
            throw statement.onDuplicate ?? error
        }
    }
}

extension StoreRow {
    /// The columns of a PostgreSQL row; booleans become 0 and 1, UUIDs text, `void` (what a
    /// function without a result returns) NULL.
    init(postgres row: PostgresRow) throws {
        values = try row.map { cell in
            guard cell.bytes != nil else { return .null }
            switch cell.dataType {
            case .int2, .int4, .int8: return .int(try cell.decode(Int64.self))
            case .bool: return .int(try cell.decode(Bool.self) ? 1 : 0)
            case .void: return .null
            case .bytea: return .blob(try cell.decode(Data.self))
            case .uuid: return .text(try cell.decode(UUID.self).uuidString)
            default: return .text(try cell.decode(String.self))
            }
        }
    }
}
