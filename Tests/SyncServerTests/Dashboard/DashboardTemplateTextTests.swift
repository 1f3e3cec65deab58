import Foundation
import SyncModel
import Testing

@testable import SyncServer

/// The dashboard's templates take their words from the catalogs as `{{t.KEY}}` (the catalog's
/// `dashboard.KEY`); a key missing from a catalog renders as nothing, so it is caught here.
@Suite("Dashboard templates: every text they show exists in both catalogs")
struct DashboardTemplateTextTests {
    /// The templates compiled into the server.
    static let templates: [(name: String, bytes: [UInt8])] = [
        ("dashboard", PackageResources.dashboard_mustache), ("message", PackageResources.message_mustache),
        ("groups", PackageResources.groups_mustache), ("barchart", PackageResources.barchart_mustache),
        ("histogram", PackageResources.histogram_mustache), ("metric", PackageResources.metric_mustache),
    ]

    @Test("Every {{t.KEY}} of every template is a dashboard message in German and in English", arguments: Language.allCases)
    func everyKeyExists(language: Language) throws {
        var keys: Set<String> = []
        for template in Self.templates {
            let text = String(decoding: template.bytes, as: UTF8.self)
            for match in text.matches(of: /\{\{[#^\/]?t\.([A-Za-z0-9_.]+)\}\}/) { keys.insert(String(match.1)) }
        }
        #expect(keys.count > 20, "the templates are read: \(keys.count) keys")
        let messages = language.catalog.messages
        let missing = keys.filter { messages["dashboard." + $0] == nil }.sorted()
        #expect(missing.isEmpty, "missing in \(language): \(missing)")
    }
}
