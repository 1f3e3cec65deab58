import Foundation

/// A new, empty folder under the system's temporary directory for one test's files.
enum TemporaryFolder {
    /// Creates the folder; the caller removes it.
    static func make() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("xlsx-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}
