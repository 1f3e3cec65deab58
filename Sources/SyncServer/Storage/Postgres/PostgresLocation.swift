import Foundation
import NIOSSL
import PostgresNIO

/// A PostgreSQL database named by a `postgres://USER[:PASSWORD]@HOST[:PORT]/DB[?sslmode=…]` URL.
struct PostgresLocation: Sendable, Hashable, CustomStringConvertible {
    /// How the connection uses TLS, from `sslmode`.
    enum TLSMode: String, Sendable, Hashable {
        /// No TLS (`sslmode=disable`).
        case disable
        /// TLS when the server offers it (`sslmode=prefer`, the default).
        case prefer
        /// TLS or fail (`sslmode=require`).
        case require
    }

    /// The host name or address.
    var host: String
    /// The port, 5432 by default.
    var port: Int
    /// The user name.
    var user: String
    /// The password; from the URL or PGPASSWORD; never printed.
    var password: String?
    /// The database name.
    var database: String
    /// The TLS mode.
    var tls: TLSMode

    /// Whether `text` is meant as a PostgreSQL URL (`postgres://` or `postgresql://`).
    static func isPostgresURL(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    /// Parses a URL; the error message says what is wrong and shows the expected form.
    init(url text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws(CommandFailure) {
        let form = AdminTexts.text("admin.db.postgresForm")
        func refusal(_ key: String, _ arguments: [String: String] = [:]) -> CommandFailure {
            CommandFailure(AdminTexts.text(key, arguments.merging(["form": form]) { given, _ in given }))
        }
        guard Self.isPostgresURL(text), let components = URLComponents(string: text) else {
            throw refusal("admin.db.notPostgresURL", ["url": Self.redacted(text)])
        }
        guard let host = components.host, !host.isEmpty else {
            throw refusal("admin.db.postgresNoHost")
        }
        guard let user = components.user, !user.isEmpty else {
            throw refusal("admin.db.postgresNoUser")
        }
        let database = String(components.path.drop(while: { $0 == "/" }))
        guard !database.isEmpty, !database.contains("/") else {
            throw refusal("admin.db.postgresNoDatabase")
        }
        if let port = components.port, !(1...65535).contains(port) {
            throw refusal("admin.db.postgresBadPort")
        }
        var tls = TLSMode.prefer
        for item in components.queryItems ?? [] {
            guard item.name == "sslmode", let mode = item.value.flatMap(TLSMode.init(rawValue:)) else {
                // Only sslmode's value is shown: another option (`password=…`) may hold a secret.
                let option = item.name == "sslmode" ? "sslmode=\(item.value ?? "")" : item.name
                throw refusal("admin.db.postgresBadOption", ["option": option])
            }
            tls = mode
        }
        self.host = host
        self.port = components.port ?? 5432
        self.user = user.removingPercentEncoding ?? user
        self.password = components.password.map { $0.removingPercentEncoding ?? $0 } ?? environment["PGPASSWORD"]
        self.database = database.removingPercentEncoding ?? database
        self.tls = tls
    }

    /// The URL without the password.
    var description: String { "postgres://\(user)@\(host):\(port)/\(database)" }

    /// The same server with another database, e.g. for tests.
    func with(database: String) -> PostgresLocation {
        var copy = self
        copy.database = database
        return copy
    }

    /// The pool configuration: a short connect timeout so an unreachable database is reported soon.
    var clientConfiguration: PostgresClient.Configuration {
        let mode: PostgresClient.Configuration.TLS =
            switch tls {
            case .disable: .disable
            case .prefer: .prefer(.makeClientConfiguration())
            case .require: .require(.makeClientConfiguration())
            }
        var configuration = PostgresClient.Configuration(
            host: host, port: port, username: user, password: password, database: database, tls: mode)
        configuration.options.connectTimeout = .seconds(5)
        return configuration
    }

    /// The configuration of a single connection, used to check the database before the pool starts.
    var connectionConfiguration: PostgresConnection.Configuration {
        get throws {
        let mode: PostgresConnection.Configuration.TLS =
            switch tls {
            case .disable: .disable
            case .prefer: .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
            case .require: .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
            }
        var configuration = PostgresConnection.Configuration(
            host: host, port: port, username: user, password: password, database: database, tls: mode)
        configuration.options.connectTimeout = .seconds(5)
        return configuration
        }
    }

    /// `text` with any password replaced by `***`, for messages.
    static func redacted(_ text: String) -> String {
        guard var components = URLComponents(string: text), components.password != nil else { return text }
        components.password = "***"
        return components.string ?? "the given URL"
    }
}
