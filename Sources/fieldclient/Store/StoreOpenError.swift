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

    /// A message that says what to do, in the user's language.
    func message(_ texts: Texts) -> String {
        switch self {
        case .corrupted(let path, let detail): return texts("error.store.corrupted", ["path": path, "detail": detail])
        case .foreign(let path): return texts("error.store.foreign", ["path": path])
        case .tooNew(let path): return texts("error.store.tooNew", ["path": path])
        case .inaccessible(let path, let detail): return texts("error.store.inaccessible", ["path": path, "detail": detail])
        }
    }
}
