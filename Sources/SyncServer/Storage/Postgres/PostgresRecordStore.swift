import Foundation
import Logging
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

    /// Runs one statement outside an explicit transaction and collects its rows.
    func rows(_ query: PostgresQuery) async throws -> [PostgresRow] {
        let logger = logger
        return try await withConnection { connection in
            try await connection.query(query, logger: logger).collect()
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
