/// Where the records live, as named by `--db`: a SQLite file (the default) or a PostgreSQL database.
enum StoreLocation: Sendable, Hashable, CustomStringConvertible {
    /// A SQLite file at a path.
    case sqlite(path: String)
    /// A PostgreSQL database.
    case postgres(PostgresLocation)

    /// Parses `postgres://…`/`postgresql://…` as PostgreSQL, `sqlite:PATH` or a plain path as SQLite.
    init(parsing text: String) throws(CommandFailure) {
        if PostgresLocation.isPostgresURL(text) {
            self = .postgres(try PostgresLocation(url: text))
        } else if text.hasPrefix("postgres:") || text.hasPrefix("postgresql:") {
            throw CommandFailure(
                "'\(PostgresLocation.redacted(text))' is not a PostgreSQL URL. Use postgres://USER@HOST:PORT/DATABASE.")
        } else if text.hasPrefix("sqlite:") {
            let path = String(text.dropFirst("sqlite:".count))
            guard !path.isEmpty else {
                throw CommandFailure("'sqlite:' names no file. Use sqlite:PATH, e.g. sqlite:/var/lib/syncserver/sync.sqlite.")
            }
            self = .sqlite(path: path)
        } else {
            self = .sqlite(path: text)
        }
    }

    /// The location for logs and messages, never with a password.
    var description: String {
        switch self {
        case .sqlite(let path): "sqlite:\(path)"
        case .postgres(let location): location.description
        }
    }
}
