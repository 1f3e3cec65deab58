import Foundation

/// Throwaway PostgreSQL databases on the server named by `QS_POSTGRES_URL` (scripts/test sets it).
enum TestPostgres {
    /// The server URL; nil when PostgreSQL tests are off.
    static var serverURL: String? {
        ProcessInfo.processInfo.environment["QS_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Creates a new empty database with `psql` and returns its URL.
    static func makeDatabase() throws -> String {
        guard let serverURL, var components = URLComponents(string: serverURL) else {
            throw TestFailure("QS_POSTGRES_URL is not set to a postgres:// URL.")
        }
        let name = "qs_e2e_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let result = try Command.run("/usr/bin/env", ["psql", serverURL, "-qc", "CREATE DATABASE \(name)"])
        guard result.status == 0 else { throw TestFailure("psql could not create \(name): \(result.stderr)") }
        components.path = "/" + name
        return components.string ?? serverURL
    }
}
