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
                AdminTexts.text(
                    "admin.db.notPostgresURL",
                    ["url": PostgresLocation.redacted(text), "form": AdminTexts.text("admin.db.postgresForm")]))
        } else if text.hasPrefix("sqlite:") {
            let path = String(text.dropFirst("sqlite:".count))
            guard !path.isEmpty else {
                throw CommandFailure(AdminTexts.text("admin.db.sqliteNoFile"))
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
