import Foundation
import SyncModel
import Testing

@testable import SyncServer

/// The histogram as a trainer sees it: the fixture survey with 401 answers 1–9 to `haushalt`,
/// served by the built `syncserver` and loaded in headless Chromium. The DOM's columns and labels
/// are checked; the screenshot `artifacts/dashboard-histogram.png` is for a person to look at.
@Suite("The dashboard's histogram in headless Chromium", .serialized)
struct DashboardHistogramBrowserTests {
    @Test("Nine bins of `haushalt`: nine columns in order, each with its label under it and its count above it", .enabled(if: Chromium.shouldRun))
    func nineBinsInChromium() async throws {
        let chromium = try Chromium.required()
        let directory = try EpochTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("sync.sqlite").path
        let store = try SQLiteRecordStore(path: db)
        try await Self.seed(store, cohort: "Wedding Süd")
        try store.close()

        let (server, base) = try SyncServerProcess.serve(db: db)
        defer {
            server.terminate()
            server.waitUntilExit()
        }
        try await DashboardBrowserTests.waitUntilHealthy(base)

        let dom = try chromium.dumpDOM(
            try DashboardBrowserTests.loginLink(base: base, db: db), profile: directory.appendingPathComponent("profile-dom"))
        let panel = try #require(dom.range(of: "id=\"q-haushalt\""), "the dashboard shows the question haushalt")
        let start = try #require(dom.range(of: "<svg", range: panel.upperBound..<dom.endIndex))
        let end = try #require(dom.range(of: "</svg>", range: start.upperBound..<dom.endIndex))
        let svg = try ChartSVG(String(dom[start.lowerBound..<end.upperBound]))
        ChartGeometryTests.expectValidNumbers(svg)
        let expected = (1...9).map { value in (0..<401).filter { $0 % 9 + 1 == value }.count }
        let columns = try ChartGeometryTests.expectColumnsInside(svg, counts: expected)
        let labels = svg.all("text", class: "small").filter { $0.number("y") == ChartGeometryTests.labelY }
        #expect(labels.map(\.text) == (1...9).map(String.init))
        for (column, label) in zip(columns, labels) {
            let x = try #require(column.number("x")), width = try #require(column.number("width"))
            let labelX = try #require(label.number("x"))
            #expect(labelX > x && labelX < x + width, "label \(label.text) is not under its column")
        }

        try FileManager.default.createDirectory(at: DashboardBrowserTests.artifacts, withIntermediateDirectories: true)
        let file = DashboardBrowserTests.artifacts.appendingPathComponent("dashboard-histogram.png")
        try? FileManager.default.removeItem(at: file)
        try chromium.screenshot(
            try DashboardBrowserTests.loginLink(base: base, db: db), to: file, width: 1280, height: 1600,
            profile: directory.appendingPathComponent("profile-shot"))
        let size = (try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? NSNumber)?.intValue ?? 0
        #expect(size > 10_000, "the screenshot is a real picture")
    }

    /// The cohort with the fixture survey and 401 final responses whose `haushalt` runs through 1–9.
    static func seed(_ store: any RecordStore, cohort: String) async throws {
        let environment = ServerEnvironment(clock: TestClock(), random: SeededRandomSource(seed: 12), logger: .quiet)
        let administration = CohortAdministration(store: store, environment: environment)
        _ = try await store.createCohort(named: cohort, at: environment.clock.now())
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/nachbarschaftsbefragung.yaml")
        let survey = try await administration.publishSurvey(try Data(contentsOf: fixture), cohort: cohort)
        let records = (0..<401).map { index in
            ReportFixtures.response(
                1000 + index, cohort: cohort, owner: "Ayşe K.", replica: ReportFixtures.ayse, survey: survey.definition.id,
                ["haushalt": .integer(Int64(index % 9 + 1))])
        }
        _ = try await store.commitBatch(ids: records.map(\.id), requestEpoch: nil, at: environment.clock.now()) { _ in
            BatchPlan(results: [], writes: records, relays: [])
        }
    }
}
