import Foundation
import SwiftCSV
import SyncModel
import Testing

@testable import fieldclient

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `report`, `export` and `dashboard` of the built `fieldclient` against a real `syncserver`.
@Suite("fieldclient report, export and dashboard end to end", .serialized)
struct ReportExportEndToEndTests {
    let server: TestServer

    init() throws {
        server = try TestServer()
    }

    static let tricky = "Er sagte: \"Zu laut\", leider.\nZweite Zeile – Grüße aus der Müllerstraße; ÄÖÜ ß"

    private func joined(_ name: String, trainer: Bool = false) throws -> Client {
        let client = Client(name, in: server.directory)
        try client.ok(["join", server.url, try server.code(for: name, trainer: trainer), "--name", "\(name)-laptop"])
        return client
    }

    private func record(_ client: Client, _ changes: [String: FieldValue], finalize: Bool = true) throws {
        var answers = Fixtures.finalAnswers
        answers.merge(changes) { $1 }
        let path = server.directory.appendingPathComponent("answers-\(UUID()).json").path
        try JSONEncoder().encode(answers).write(to: URL(fileURLWithPath: path))
        try client.ok(["record", "nachbarschaft-2026", "--answers", path] + (finalize ? ["--finalize"] : []))
    }

    /// Three responses by two participants, synced, and a trainer who synced them.
    private func cohort() throws -> (anna: Client, ben: Client, tina: Client) {
        let anna = try joined("anna")
        let ben = try joined("ben")
        try record(anna, ["gefaellt": .string(Self.tricky), "probleme": ["verkehr", "muell"], "zufriedenheit": 7.5])
        try record(anna, ["gefaellt": "Ruhe, \"Nachbarn\"", "haushalt": 1, "kinder": nil, "standort": ["latitude": 51.34, "longitude": 12.37]])
        try record(ben, ["gefaellt": "Spielplatz"], finalize: false)
        try anna.ok(["sync"])
        try ben.ok(["sync"])
        let tina = try joined("tina", trainer: true)
        try tina.ok(["sync"])
        return (anna, ben, tina)
    }

    /// GET with the trainer's token from its store.
    private func get(_ path: String, as client: Client) async throws -> Data {
        let token = try #require(try LocalStore.openUnlocked(at: client.store).device()?.token)
        var request = URLRequest(url: URL(string: server.url + path)!)
        request.setValue("1", forHTTPHeaderField: SyncProtocol.versionHeader)
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        let (data, response) = try await URLSession.shared.data(for: request)
        #expect((response as? HTTPURLResponse)?.statusCode == 200, "\(String(decoding: data, as: UTF8.self))")
        return data
    }

    @Test("A trainer's report after sync equals the server's, and still works offline; a participant's covers their own work")
    func reportMatchesServerAndWorksOffline() async throws {
        let (anna, _, tina) = try cohort()
        let local = try JSONDecoder().decode(CohortReport.self, from: Data(try tina.ok(["report", "--json"]).utf8))
        let served = try JSONDecoder().decode(CohortReport.self, from: try await get("/v1/cohorts/kurs/report", as: tina))
        #expect(local == served)
        let survey = try #require(local.surveys.first)
        #expect((survey.final, survey.drafts) == (2, 1))
        #expect(survey.participants.map(\.name) == ["anna", "ben"])
        let own = try JSONDecoder().decode(CohortReport.self, from: Data(try anna.ok(["report", "--json"]).utf8))
        #expect(own.surveys.first?.participants.map(\.name) == ["anna"])
        server.stop()
        let text = try tina.ok(["report", "--survey", "nachbarschaft-2026"])
        #expect(text.contains("Doors: 40, reached 0 (0 %)"))
        #expect(text.contains("Aktivierende Befragung Nachbarschaft (nachbarschaft-2026 v1): 2 final, 1 drafts, 0 deleted"))
        #expect(text.contains("the whole cohort"))
        let unknown = try tina.run(["report", "--survey", "nope"])
        #expect(unknown.status == ExitStatus.notFound.rawValue)
        #expect(unknown.stderr.contains("Available: nachbarschaft-2026"))
    }

    @Test("export writes an owner-only file equal to standard output; the CSV parses back and matches the server's rows")
    func exportFileAndStdout() async throws {
        let (_, _, tina) = try cohort()
        let file = server.directory.appendingPathComponent("export/befragung.csv")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        let note = try tina.run(["export", "--format", "csv", "--out", file.path])
        #expect(note.status == 0, "\(note.stderr)")
        #expect(note.stderr.contains("Wrote 3 response(s)"))
        let mode = (try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? NSNumber)?.intValue
        #expect(mode == 0o600)
        #expect(!FileManager.default.fileExists(atPath: file.path + ".partial"))
        let written = try String(contentsOf: file, encoding: .utf8)
        #expect(written == (try tina.ok(["export", "--format", "csv"])))
        let csv = try EnumeratedCSV(string: written, delimiter: .comma, loadColumns: false)
        let gefaellt = try #require(csv.header.firstIndex(of: "gefaellt"))
        #expect(Set(csv.rows.map { $0[gefaellt] }) == [Self.tricky, "Ruhe, \"Nachbarn\"", "Spielplatz"])
        let verkehr = try #require(csv.header.firstIndex(of: "probleme/verkehr"))
        #expect(csv.rows.map { $0[verkehr] }.sorted() == ["1", "1", "1"])
        let served = try EnumeratedCSV(
            string: String(decoding: try await get("/v1/cohorts/kurs/export?format=csv", as: tina), as: UTF8.self),
            delimiter: .comma, loadColumns: false)
        #expect(served.header == csv.header)
        #expect(Set(served.rows.map { $0.joined(separator: "\u{1}") }) == Set(csv.rows.map { $0.joined(separator: "\u{1}") }))
        let geo = try JSONSerialization.jsonObject(with: Data(try tina.ok(["export", "--format", "geojson"]).utf8)) as? [String: Any]
        #expect((geo?["features"] as? [Any])?.count == 1)
        let json = try JSONDecoder().decode([ExportedResponse].self, from: Data(try tina.ok(["export", "--format", "json"]).utf8))
        #expect(json.count == 3)
        let bad = try tina.run(["export", "--format", "ods"])
        #expect(bad.status == ExitStatus.usage.rawValue)
        #expect(bad.stderr.contains("--format must be csv, json, geojson or xlsx"))
        let noFile = try tina.run(["export", "--format", "xlsx"])
        #expect(noFile.status == ExitStatus.usage.rawValue)
        #expect(noFile.stderr.contains("add --out FILE.xlsx"))
    }

    @Test("export --format xlsx and households --export write owner-only workbooks; the server serves the same format")
    func xlsxExports() async throws {
        let (_, _, tina) = try cohort()
        let folder = server.directory.appendingPathComponent("xlsx")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (arguments, file, note) in [
            (["export", "--format", "xlsx", "--out"], "befragung.xlsx", "Wrote 3 response(s) of nachbarschaft-2026"),
            (["households", "--export"], "tueren.xlsx", "Wrote 40 door(s)"),
        ] {
            let path = folder.appendingPathComponent(file).path
            let result = try tina.run(arguments + [path])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr.contains(note))
            let mode = (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue
            #expect(mode == 0o600)
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)).prefix(2) == Data("PK".utf8))
            #expect(!FileManager.default.fileExists(atPath: path + ".partial"))
        }
        let wrongName = try tina.run(["households", "--export", "tueren.csv"])
        #expect(wrongName.status == ExitStatus.usage.rawValue)
        #expect(wrongName.stderr.contains("ending in .xlsx"))
        let served = try await get("/v1/cohorts/kurs/export?format=xlsx", as: tina)
        #expect(served.prefix(2) == Data("PK".utf8))
    }

    @Test("dashboard prints a one-time login link that signs in once; participants are refused")
    func dashboardLink() async throws {
        let anna = try joined("anna")
        let tina = try joined("tina", trainer: true)
        let printed = try JSONSerialization.jsonObject(with: Data(try tina.ok(["dashboard", "--no-open", "--json"]).utf8)) as? [String: Any]
        let link = try #require(printed?["link"] as? String)
        #expect(link.hasPrefix(server.url + "/dashboard/login?link="))
        #expect(printed?["opened"] as? Bool == false)
        final class NoRedirect: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
            func urlSession(
                _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void
            ) { completionHandler(nil) }
        }
        let session = URLSession(configuration: .ephemeral, delegate: NoRedirect(), delegateQueue: nil)
        let (_, first) = try await session.data(from: URL(string: link)!)
        #expect((first as? HTTPURLResponse)?.statusCode == 303)
        let cookie = (first as? HTTPURLResponse)?.value(forHTTPHeaderField: "Set-Cookie") ?? ""
        #expect(cookie.contains("HttpOnly"))
        let (page, second) = try await session.data(from: URL(string: link)!)
        #expect((second as? HTTPURLResponse)?.statusCode == 410)
        #expect(String(decoding: page, as: UTF8.self).contains("does not work any more"))
        let refused = try anna.run(["dashboard", "--no-open"])
        #expect(refused.status == ExitStatus.unauthorized.rawValue)
        #expect(refused.stderr.contains("Only trainers"))
    }

    @Test("export --pseudonymize leaves out kontakt and uses the server's pseudonyms; it needs the server; participants are refused")
    func pseudonymizedExport() async throws {
        let (anna, _, tina) = try cohort()
        try record(anna, ["mitmachen": "ja", "kontakt": "0176 5551234"])
        try anna.ok(["sync"])
        try tina.ok(["sync"])
        let local = try tina.ok(["export", "--format", "json", "--pseudonymize"])
        let responses = try JSONDecoder().decode([ExportedResponse].self, from: Data(local.utf8))
        #expect(responses.count == 4)
        #expect(responses.allSatisfy { $0.answers["kontakt"] == nil })
        #expect(!local.contains("0176 5551234") && !local.contains("\"anna\"") && !local.contains("\"ben\""))
        let served = try JSONDecoder().decode(
            [ExportedResponse].self, from: try await get("/v1/cohorts/kurs/export?format=json&pseudonymize=true", as: tina))
        let byID = Dictionary(uniqueKeysWithValues: served.map { ($0.id, $0.participant) })
        #expect(responses.allSatisfy { byID[$0.id] == $0.participant }, "the same pseudonyms as the server's export")
        #expect(Set(responses.map(\.participant)).count == 2)
        let csv = try tina.ok(["export", "--format", "csv", "--pseudonymize"])
        #expect(!csv.contains("kontakt") && !csv.contains("0176"))
        let refused = try anna.run(["export", "--format", "csv", "--pseudonymize"])
        #expect(refused.status == ExitStatus.unauthorized.rawValue)
        #expect(refused.stderr.contains("Only trainers can make a pseudonymized export"))
        server.stop()
        let offline = try tina.run(["export", "--format", "csv", "--pseudonymize"])
        #expect(offline.status == 69, "\(offline.stderr)")
        #expect(try tina.ok(["export", "--format", "csv"]).contains("0176 5551234"), "the full export works offline")
    }
}
