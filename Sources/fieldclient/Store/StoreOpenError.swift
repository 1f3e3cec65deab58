/// Why a store file cannot be used; nothing was changed in it.
enum StoreOpenError: Error, Sendable, Equatable {
    /// The file is not an SQLite database, or it is damaged.
    case corrupted(path: String, detail: String)
    /// The file is an SQLite database of another program.
    case foreign(path: String)
    /// The file was written by a newer fieldclient.
    case tooNew(path: String)
    /// The directory or file cannot be created or opened.
    case inaccessible(path: String, detail: String)

    /// A message that says what to do.
    var message: String {
        switch self {
        case .corrupted(let path, let detail):
            return "The store \(path) is damaged or not a fieldclient store (\(detail)). Nothing was changed. "
                + "Keep the file for your trainer, and use another file with --store."
        case .foreign(let path):
            return "\(path) is a database of another program, not a fieldclient store. Nothing was changed. "
                + "Choose another file with --store or FIELDCLIENT_STORE."
        case .tooNew(let path):
            return "The store \(path) was written by a newer fieldclient. Nothing was changed; update fieldclient."
        case .inaccessible(let path, let detail):
            return "Cannot open the store \(path): \(detail). Check the path and its permissions."
        }
    }
}
