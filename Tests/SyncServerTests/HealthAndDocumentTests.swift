import Foundation
import Hummingbird
import HummingbirdTesting
import SyncModel
import Testing
import Yams

@testable import SyncServer

@Suite("Health and the OpenAPI document")
struct HealthAndDocumentTests {
    /// The repository root, found from this file's path.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test("GET /health answers ok without the protocol header")
    func health() async throws {
        let harness = try await TestHarness()
        try await harness.run { client in
            let response = try await client.send(.get, "/health", protocolHeader: nil)
            #expect(response.status == .ok)
            #expect(response.text.contains("\"status\":\"ok\""))
        }
    }

    @Test("GET /openapi.yaml serves the repository's openapi.yaml byte for byte")
    func servesDocument() async throws {
        let file = try Data(contentsOf: Self.root.appendingPathComponent("openapi.yaml"))
        #expect(Data(OpenAPIDocument.yaml.utf8) == file, "the embedded document is not the file; rebuild")
        let harness = try await TestHarness()
        try await harness.run { client in
            let response = try await client.send(.get, "/openapi.yaml", protocolHeader: nil)
            #expect(response.status == .ok)
            #expect(Data(response.body.readableBytesView) == file)
            #expect(response.headers[.contentType]?.hasPrefix("application/yaml") == true)
        }
    }

    /// Regression (schemathesis): the document declared its own body a YAML *string*, but a YAML
    /// reader parses it into a mapping, so every GET /openapi.yaml violated the document.
    @Test("The served document parses to the mapping its own response schema declares")
    func documentConformsToItsOwnSchema() async throws {
        let document = try #require(try Yams.load(yaml: OpenAPIDocument.yaml) as? [String: Any])
        let paths = try #require(document["paths"] as? [String: Any])
        let operation = try #require((paths["/openapi.yaml"] as? [String: Any])?["get"] as? [String: Any])
        let ok = try #require((operation["responses"] as? [String: Any])?["200"] as? [String: Any])
        let schema = try #require(((ok["content"] as? [String: Any])?["application/yaml"] as? [String: Any])?["schema"] as? [String: Any])
        #expect(schema["type"] as? String == "object")
        let required = schema["required"] as? [String] ?? []
        #expect(required == ["openapi", "info", "paths"])
        let harness = try await TestHarness()
        try await harness.run { client in
            let response = try await client.send(.get, "/openapi.yaml", protocolHeader: nil)
            let served = try #require(try Yams.load(yaml: response.text) as? [String: Any])
            for key in required {
                #expect(served[key] != nil, "the served document lacks '\(key)'")
            }
        }
    }

    @Test("The document describes exactly the router's routes")
    func documentMatchesRoutes() async throws {
        let document = try #require(try Yams.load(yaml: OpenAPIDocument.yaml) as? [String: Any])
        let paths = try #require(document["paths"] as? [String: Any])
        var documented: Set<String> = []
        for (path, item) in paths {
            let operations = try #require(item as? [String: Any])
            for method in operations.keys where ["get", "post", "put", "patch", "delete"].contains(method) {
                documented.insert("\(method.uppercased()) \(path)")
            }
        }
        let harness = try await TestHarness()
        let routed = Set(harness.router().routes.map { "\($0.method) \($0.path)" })
        #expect(documented == routed)
        #expect(routed.count == 18)
    }

    @Test("An unknown path answers a 404 ErrorBody")
    func unknownPath() async throws {
        let harness = try await TestHarness()
        try await harness.run { client in
            let response = try await client.send(.get, "/v1/nothing-here")
            #expect(response.status == .notFound)
            #expect(response.error?.code == "notFound")
        }
    }
}
