import Foundation
import HTTPTypes
import HummingbirdTesting
import SwiftCSV
import SyncModel
import Testing

@testable import SyncServer

@Suite("Cohort report and exports over the API", .postgresPools)
struct ReportEndpointTests {
    /// A harness with the fixture cohort `wedding` and a trainer's and a participant's device.
    static func prepared(_ kind: StoreKind = .sqlite, bulk: Int = 0) async throws -> TestHarness {
        let harness = try await TestHarness(kind, seed: 21)
        _ = try await ReportFixtures.seed(harness.store, cohort: "wedding", bulk: bulk)
        return harness
    }

    @Test("The report endpoint answers CohortReport.make over every record, read across several feed pages", arguments: StoreKind.all)
    func reportEqualsPureComputation(kind: StoreKind) async throws {
        let harness = try await Self.prepared(kind, bulk: 1_100)
        try await harness.run { client in
            let trainer = try await harness.enroll(client, cohort: "wedding", name: "Frau Demir", role: .trainer)
            let response = try await client.send(.get, "/v1/cohorts/wedding/report", token: trainer.token)
            #expect(response.status == .ok)
            let served = try response.decode(CohortReport.self)
            let (records, _) = try await harness.pullAll(client, trainer, limit: 2000)
            let surveys = try await harness.store.surveys(cohort: "wedding").map(\.definition)
            #expect(served == CohortReport.make(records: records, surveys: surveys))
            #expect(served == CohortReport.make(records: records.reversed(), surveys: surveys), "input order does not matter")
            let survey = try #require(served.surveys.first)
            #expect(survey.final == 1_103)
            #expect(survey.drafts == 1)
            #expect(survey.deleted == 1)
            #expect(served.households.visited == 1)
            #expect(served.openConflicts.map(\.fields) == [["bemerkung"]])
        }
    }

    @Test("The CSV export parses back with SwiftCSV: quotes, commas, newlines and umlauts survive, deleted responses are left out", arguments: StoreKind.all)
    func csvExport(kind: StoreKind) async throws {
        let harness = try await Self.prepared(kind)
        try await harness.run { client in
            let trainer = try await harness.enroll(client, cohort: "wedding", name: "Frau Demir", role: .trainer)
            let response = try await client.send(.get, "/v1/cohorts/wedding/export?format=csv", token: trainer.token)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/csv; charset=utf-8; header=present")
            #expect(response.headers[.contentDisposition] == "attachment; filename=\"befragung.csv\"")
            let csv = try EnumeratedCSV(string: response.text, delimiter: .comma, loadColumns: false)
            let column = { (name: String) throws -> Int in try #require(csv.header.firstIndex(of: name), "no column \(name)") }
            #expect(csv.header == [
                "id", "participant", "created", "updated", "status", "household", "review", "wohndauer", "probleme",
                "probleme/verkehr", "probleme/muell", "probleme/mieten", "zufrieden", "bemerkung", "standort",
            ])
            let byID = Dictionary(uniqueKeysWithValues: try csv.rows.map { ($0[try column("id")], $0) })
            #expect(try csv.rows.allSatisfy { $0[try column("review")] == "nicht durchgesehen" })
            #expect(byID.keys.sorted() == (1...5).filter { $0 != 4 }.map { String(format: "40000000-0000-4000-8000-%012d", $0) })
            let first = try #require(byID["40000000-0000-4000-8000-000000000001"])
            #expect(first[try column("bemerkung")] == ReportFixtures.tricky)
            #expect(first[try column("participant")] == "Ayşe K.")
            #expect(first[try column("probleme")] == "verkehr mieten")
            #expect([first[try column("probleme/verkehr")], first[try column("probleme/muell")], first[try column("probleme/mieten")]] == ["1", "0", "1"])
            #expect(first[try column("standort")] == "52.5446 13.3524 40", "stored JSON keeps a whole altitude as 40")
            let second = try #require(byID["40000000-0000-4000-8000-000000000002"])
            #expect(second[try column("bemerkung")] == "Ökologisch, sozial; \"gut\"")
            let conflicted = try #require(byID["40000000-0000-4000-8000-000000000005"])
            #expect(conflicted[try column("bemerkung")] == "Fassung der Trainerin", "the shown value: the later write wins the display")
        }
    }

    @Test("The JSON and GeoJSON exports decode; GeoJSON holds only responses with a location", arguments: StoreKind.all)
    func jsonAndGeoJSON(kind: StoreKind) async throws {
        let harness = try await Self.prepared(kind)
        try await harness.run { client in
            let trainer = try await harness.enroll(client, cohort: "wedding", name: "Frau Demir", role: .trainer)
            let json = try await client.send(.get, "/v1/cohorts/wedding/export?format=json&survey=befragung", token: trainer.token)
            #expect(json.headers[.contentType] == "application/json; charset=utf-8")
            let responses = try json.decode([ExportedResponse].self)
            #expect(Set(responses.map(\.id.uuidString)) == Set([1, 2, 3, 5].map { String(format: "40000000-0000-4000-8000-%012d", $0) }))
            #expect(responses.first { $0.id.uuidString.hasSuffix("0001") }?.answers["bemerkung"] == .string(ReportFixtures.tricky))
            let geo = try await client.send(.get, "/v1/cohorts/wedding/export?format=geojson", token: trainer.token)
            #expect(geo.headers[.contentType] == "application/geo+json; charset=utf-8")
            #expect(geo.headers[.contentDisposition] == "attachment; filename=\"befragung.geojson\"")
            struct Collection: Decodable {
                var type: String
                var features: [GeoJSONFeature]
            }
            let collection = try geo.decode(Collection.self)
            #expect(collection.type == "FeatureCollection")
            #expect(collection.features.map(\.geometry.coordinates) == [[13.3524, 52.5446, 40]])
            #expect(collection.features.first?.properties.response.participant == "Ayşe K.")
        }
    }

    @Test("The XLSX export is a workbook attachment named after the survey", arguments: StoreKind.all)
    func xlsxExport(kind: StoreKind) async throws {
        let harness = try await Self.prepared(kind)
        try await harness.run { client in
            let trainer = try await harness.enroll(client, cohort: "wedding", name: "Frau Demir", role: .trainer)
            let response = try await client.send(.get, "/v1/cohorts/wedding/export?format=XLSX", token: trainer.token)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            #expect(response.headers[.contentDisposition] == "attachment; filename=\"befragung.xlsx\"")
            let body = Data(response.body.readableBytesView)
            #expect(body.prefix(4) == Data([0x50, 0x4B, 0x03, 0x04]), "a ZIP archive")
            #expect(body.count > 1_000)
        }
    }

    @Test("Bad export requests get a 4xx that says what to do", arguments: [
        ("/v1/cohorts/wedding/export", 400, "format="),
        ("/v1/cohorts/wedding/export?format=ods", 400, "Unknown export format 'ods'. Use one of csv, json, geojson, xlsx."),
        ("/v1/cohorts/wedding/export?format=csv&survey=nope", 404, "no survey 'nope'"),
        ("/v1/cohorts/moabit/export?format=csv", 403, "own cohort"),
        ("/v1/cohorts/moabit/report", 403, "own cohort"),
    ])
    func badExportRequests(uri: String, status: Int, message: String) async throws {
        let harness = try await Self.prepared()
        try await harness.run { client in
            let trainer = try await harness.enroll(client, cohort: "wedding", name: "Frau Demir", role: .trainer)
            let response = try await client.send(.get, uri, token: trainer.token)
            #expect(Int(response.status.code) == status)
            #expect(response.error?.message.contains(message) == true, "\(response.text)")
        }
    }

    @Test("A participant's token is refused for the report, the exports and dashboard links", arguments: [
        (HTTPRequest.Method.get, "/v1/cohorts/wedding/report"),
        (.get, "/v1/cohorts/wedding/export?format=csv"),
        (.get, "/v1/cohorts/wedding/export?format=json"),
        (.post, "/v1/dashboard/links"),
    ])
    func participantRefused(method: HTTPRequest.Method, uri: String) async throws {
        let harness = try await Self.prepared()
        try await harness.run { client in
            let participant = try await harness.enroll(client, cohort: "wedding", name: "Ayşe K.")
            let response = try await client.send(method, uri, token: participant.token)
            #expect(response.status == .forbidden)
            #expect(response.error?.code == "forbidden")
            let anonymous = try await client.send(method, uri)
            #expect(anonymous.status == .unauthorized)
        }
    }
}
