import Foundation
import Logging
import PostgresNIO
import Testing

@testable import SyncServer

/// Throwaway PostgreSQL databases for tests, on the server named by `QS_POSTGRES_URL`
/// (e.g. `postgres://postgres@127.0.0.1:55432/postgres`, a user that may create databases).
///
/// Every store gets its own new database `qs_test_…`, so tests run in parallel; the databases
/// are left for the throwaway server to take with it (scripts/test deletes the whole cluster).
enum TestPostgres {
    /// The server URL from the environment; nil when PostgreSQL tests are off.
    static var serverURL: String? {
        ProcessInfo.processInfo.environment["QS_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The parsed server location; fails the test when the variable is set but malformed.
    static func serverLocation() throws -> PostgresLocation {
        guard let serverURL else { throw CommandFailure("QS_POSTGRES_URL is not set.") }
        return try PostgresLocation(url: serverURL)
    }

    /// Creates a new empty database and returns its location.
    static func makeDatabase() async throws -> PostgresLocation {
        let server = try serverLocation()
        let name = "qs_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let connection = try await PostgresConnection.connect(
            configuration: try server.connectionConfiguration, id: 1, logger: .quiet)
        do {
            // German collation, as a German deployment's database has: a list that forgets to sort by
            // bytes (`SchemaDialect.byteOrder`) comes out in another order than on SQLite.
            try await connection.query(
                PostgresQuery(unsafeSQL: "CREATE DATABASE \(name) TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'de-DE'"),
                logger: .quiet)
        } catch {
            try? await connection.close()
            throw error
        }
        try await connection.close()
        return server.with(database: name)
    }

    /// Creates a new empty database and returns its URL, for `--db` of real server processes.
    static func makeDatabaseURL() async throws -> String {
        let location = try await makeDatabase()
        guard let serverURL, var components = URLComponents(string: serverURL) else {
            throw CommandFailure("QS_POSTGRES_URL is not a URL.")
        }
        components.path = "/" + location.database
        return components.string ?? serverURL
    }

    /// A migrated store on a new database, its pool running until the test ends (the suite needs
    /// the `.postgresPools` trait).
    static func makeStore(random: any RandomSource, journal: ErasureJournal? = nil) async throws -> PostgresRecordStore {
        let store = try openStore(at: try await makeDatabase(), journal: journal)
        try await store.migrate(random: random)
        return store
    }

    /// A store on the existing database at `location` (e.g. one a `syncserver` process made), its
    /// pool running until the test ends (the suite needs the `.postgresPools` trait); not migrated.
    static func openStore(at location: PostgresLocation, journal: ErasureJournal? = nil) throws -> PostgresRecordStore {
        guard let pools = PostgresPools.current else {
            throw CommandFailure("A PostgreSQL store needs the .postgresPools trait on its suite, which stops its pool.")
        }
        var configuration = location.clientConfiguration
        configuration.options.maximumConnections = 8
        configuration.options.connectionIdleTimeout = .seconds(3)
        let client = PostgresClient(configuration: configuration, backgroundLogger: .quiet)
        pools.run { await client.run() }
        // The whole suite runs in parallel on few cores: allow connections more time than production does.
        return PostgresRecordStore(
            client: client, location: location, logger: .quiet, leaseDeadline: .seconds(60), journal: journal)
    }
}
