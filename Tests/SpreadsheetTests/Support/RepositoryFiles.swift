import Foundation

/// Locates files of the repository from this source file, so tests work from any working directory.
enum RepositoryFiles {
    /// The repository's root folder.
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // SpreadsheetTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    /// The bytes of `Fixtures/<name>`.
    static func fixture(_ name: String) throws -> Data {
        try Data(contentsOf: root.appendingPathComponent("Fixtures").appendingPathComponent(name))
    }
}
