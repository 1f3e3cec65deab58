import Logging

extension Logger {
    /// A logger that drops everything, for one-shot admin commands whose output is their result.
    static var quiet: Logger {
        Logger(label: "syncserver.admin", factory: { _ in SwiftLogNoOpLogHandler() })
    }
}
