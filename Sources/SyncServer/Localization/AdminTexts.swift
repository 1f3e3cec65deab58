import Foundation
import SyncModel

/// What the admin commands say, in the operator's language (`SYNCSERVER_LANG`, then LC_ALL,
/// LC_MESSAGES, LANG); chosen once in `App.main()` before the command line is parsed.
enum AdminTexts {
    /// The chosen language.
    nonisolated(unsafe) static var language: Language = .english {
        didSet { catalog = language.catalog }
    }
    /// The chosen language's catalog.
    private(set) nonisolated(unsafe) static var catalog: MessageCatalog = .english

    /// The message `key` with `arguments` filled in.
    static func text(_ key: String, _ arguments: [String: String] = [:]) -> String {
        catalog.text(key, arguments)
    }
}
