import Foundation
import SyncModel

/// Locates the repository's `Fixtures/` directory from this source file, so tests work from any working directory.
enum FixtureFiles {
    /// `<repository>/Fixtures/`.
    static let directory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // SyncModelTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // repository root
        .appendingPathComponent("Fixtures", isDirectory: true)

    /// The bytes of the fixture file `name`, e.g. `households.csv`.
    static func data(_ name: String) throws -> Data {
        try Data(contentsOf: directory.appendingPathComponent(name))
    }

    /// The neighbourhood survey `nachbarschaftsbefragung.yaml`, loaded.
    static func survey() throws -> SurveyDefinition {
        try SurveyDefinition.parse(data("nachbarschaftsbefragung.yaml"))
    }
}
