import Foundation

/// Fresh PostgreSQL databases for the PostgreSQL rows, created and dropped with `psql` on a server
/// URL whose user may create databases; each has a name unique to this run.
final class PostgresDatabases: @unchecked Sendable {
    /// The server URL given with `--postgres` (its database is only used to connect).
    let serverURL: String
    /// The `psql` executable.
    let psql: String
    /// The folder for psql's output.
    let directory: URL
    /// The prefix of this run's database names.
    let prefix: String
    /// The databases created so far, not yet dropped.
    private(set) var created: [String] = []

    /// Finds `psql` on PATH; nothing is created yet.
    init(serverURL: String, directory: URL) throws {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        guard
            let psql = path.split(separator: ":").map({ "\($0)/psql" })
                .first(where: { FileManager.default.isExecutableFile(atPath: $0) })
        else { throw BenchFailure("psql is missing (apt-get install postgresql-client); the PostgreSQL rows need it.") }
        guard URLComponents(string: serverURL)?.host != nil else {
            throw BenchFailure("--postgres is not a URL like postgres://postgres@127.0.0.1:5432/postgres")
        }
        self.serverURL = serverURL
        self.psql = psql
        self.directory = directory
        prefix = "syncbench_" + UUID().uuidString.prefix(8).lowercased()
    }

    /// Creates an empty database `<prefix>_<name>` and returns its URL (the server URL with its
    /// database replaced, query kept).
    func create(_ name: String) throws -> String {
        let database = "\(prefix)_\(name)"
        try execute("CREATE DATABASE \(database)")
        created.append(database)
        var components = URLComponents(string: serverURL)!
        components.path = "/" + database
        return components.string!
    }

    /// Drops `database` (a URL returned by `create`) now, to free its disk early.
    func drop(_ url: String) throws {
        guard let name = URLComponents(string: url)?.path.dropFirst(), created.contains(String(name)) else { return }
        try execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
        created.removeAll { $0 == String(name) }
    }

    /// Drops every database this run created and still holds.
    func dropAll() throws {
        for database in created { try execute("DROP DATABASE IF EXISTS \(database) WITH (FORCE)") }
        created = []
    }

    /// Runs one SQL command outside a transaction.
    private func execute(_ sql: String) throws {
        let run = try ChildProcess.run(
            psql, [serverURL, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-c", sql], in: directory)
        guard run.ending.status == 0 else { throw BenchFailure("psql \(sql) failed: \(run.error)") }
    }
}
