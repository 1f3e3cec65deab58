import Foundation
import HTTPTypes
import Hummingbird
import Spreadsheet
import SyncModel
import Testing

@testable import SyncServer

@Suite("Spreadsheet imports: XLSForm workbooks and door lists", .postgresPools)
struct SpreadsheetImportTests {
    /// The repository's `Fixtures/` folder.
    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures", isDirectory: true)

    static let workbookType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    /// The German list as German Excel saves it: Windows-1252, semicolons, CRLF, no ids.
    static let germanList = "Straße;Hausnummer;PLZ;Ort;Hinweis\r\nLindenstraße;12a;04177;Leipzig;\r\nLindenstraße;14;04177;Leipzig;Hinterhaus\r\nMüllerstraße;3;04177;Leipzig;\r\n"

    @Test("a German door list (';', no ids, Windows-1252) imports; again changes nothing; an extended list adds only new doors",
        arguments: StoreKind.all)
    func germanDoorListImportsOnce(kind: StoreKind) async throws {
        let harness = try await TestHarness(kind)
        try await harness.makeCohort("wedding")
        let list = try #require(Self.germanList.data(using: .windowsCP1252))
        let first = try await harness.administration.importHouseholds(file: list, cohort: "wedding")
        #expect(first == HouseholdImportSummary(cohort: "wedding", created: 3, updated: 0, unchanged: 0))
        let again = try await harness.administration.importHouseholds(file: list, cohort: "wedding")
        #expect(again == HouseholdImportSummary(cohort: "wedding", created: 0, updated: 0, unchanged: 3))
        let extended = Data([0xEF, 0xBB, 0xBF]) + Data(
            (Self.germanList.replacingOccurrences(of: "Lindenstraße;12a", with: "Lindenstr.;12 a")
                + "Müllerstraße;5;04177;Leipzig;\r\n").utf8)
        let third = try await harness.administration.importHouseholds(file: extended, cohort: "wedding")
        #expect(third == HouseholdImportSummary(cohort: "wedding", created: 1, updated: 1, unchanged: 2))
        try await harness.run { client in
            let trainer = try await harness.enroll(client, cohort: "wedding", name: "T", role: .trainer)
            let doors = try await harness.pullAll(client, trainer).records.filter { $0.collection == RecordCollection.households }
            #expect(doors.count == 4)
            #expect(doors.filter { $0.value(of: "city") == "Leipzig" }.count == 4)
        }
    }

    @Test("the door list exported as a German or an English workbook imports again as the same doors", arguments: Language.allCases)
    func exportedDoorListImportsAgain(interface: Language) async throws {
        let harness = try await TestHarness()
        try await harness.makeCohort("wedding")
        let list = try #require(Self.germanList.data(using: .windowsCP1252))
        #expect(try await harness.administration.importHouseholds(file: list, cohort: "wedding").created == 3)
        func doors<Store: RecordStore>(of store: Store) async throws -> [SyncModel.Record] {
            var found: [SyncModel.Record] = []
            try await CohortRecordReader(store: store, cohort: "wedding").forEachPage { page in
                found += page.filter { $0.collection == RecordCollection.households }
            }
            return found
        }
        let directory = try EpochTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("tueren.xlsx")
        let workbook = try HouseholdWorkbookWriter(creating: url, interface: interface)
        for door in try await doors(of: harness.store) { try workbook.append(door, exporter: HouseholdExporter()) }
        try workbook.finish()
        let again = try await harness.administration.importHouseholds(file: Data(contentsOf: url), cohort: "wedding")
        #expect(again == HouseholdImportSummary(cohort: "wedding", created: 0, updated: 0, unchanged: 3))
    }

    @Test("a file with bad rows imports nothing and says which rows")
    func badRowsImportNothing() async throws {
        let harness = try await TestHarness()
        try await harness.makeCohort("wedding")
        let bad = Data("Straße;Hausnummer\nLindenstraße;1\nSeeweg;\nLindenstr.;1\n".utf8)
        await #expect {
            _ = try await harness.administration.importHouseholds(file: bad, cohort: "wedding")
        } throws: { error in
            guard let error = error as? AdministrationError, case .invalidDoorList(let list) = error else { return false }
            let message = list.description
            return message.contains("Row 3: the house number is empty")
                && message.contains("Row 4: Lindenstr. 1 is the same door as row 2")
        }
        #expect(try await harness.maxSequence() == 0)
    }

    @Test("the German list saved as .xlsx by LibreOffice imports the same doors as the CSV", .enabled(if: LibreOffice.shouldRun))
    func libreOfficeWorkbookMatchesCSV() async throws {
        let office = try LibreOffice.required()
        let directory = try EpochTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let csv = directory.appendingPathComponent("tueren.csv")
        try #require(Self.germanList.data(using: .windowsCP1252)).write(to: csv)
        let xlsx = try office.convert(csv, to: "xlsx", in: directory, csvFilter: "CSV:59,34,1,1")
        let harness = try await TestHarness()
        try await harness.makeCohort("wedding")
        let fromCSV = try await harness.administration.importHouseholds(file: Data(contentsOf: csv), cohort: "wedding")
        #expect(fromCSV.created == 3)
        let fromWorkbook = try await harness.administration.importHouseholds(file: Data(contentsOf: xlsx), cohort: "wedding")
        #expect(fromWorkbook == HouseholdImportSummary(cohort: "wedding", created: 0, updated: 0, unchanged: 3))
    }

    @Test("the fixture workbook, and the same workbook saved again by LibreOffice, publish the YAML's survey",
        .enabled(if: LibreOffice.shouldRun))
    func fixtureWorkbookPublishes() async throws {
        let office = try LibreOffice.required()
        let directory = try EpochTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let copy = directory.appendingPathComponent("befragung.ods")
        let ods = try office.convert(Self.fixtures.appendingPathComponent("nachbarschaftsbefragung.xlsx"), to: "ods", in: directory)
        try FileManager.default.moveItem(at: ods, to: copy)
        let resaved = try office.convert(copy, to: "xlsx", in: directory)
        let yaml = try SurveyDefinition.parse(Data(contentsOf: Self.fixtures.appendingPathComponent("nachbarschaftsbefragung.yaml")))
        let harness = try await TestHarness()
        try await harness.makeCohort("wedding", survey: false)
        try await harness.makeCohort("moabit", survey: false)
        let published = try await harness.administration.publishSurvey(
            Data(contentsOf: Self.fixtures.appendingPathComponent("nachbarschaftsbefragung.xlsx")), cohort: "wedding")
        #expect(published.definition == yaml)
        let republished = try await harness.administration.publishSurvey(Data(contentsOf: resaved), cohort: "moabit")
        #expect(republished.definition == yaml)
    }

    @Test("through the syncserver executable in a German locale: the workbook publishes, a German list imports twice")
    func throughTheExecutable() throws {
        let directory = try EpochTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("sync.sqlite").path
        let german = ["LANG": "de_DE.UTF-8"]
        let list = directory.appendingPathComponent("Türen Lindenviertel.csv")
        try #require(Self.germanList.data(using: .windowsCP1252)).write(to: list)
        #expect(try SyncServerProcess.run(["cohort", "create", "wedding", "--db", db], environment: german).status == 0)
        let published = try SyncServerProcess.run(
            ["survey", "publish", "--cohort", "wedding", "--db", db,
             Self.fixtures.appendingPathComponent("nachbarschaftsbefragung.xlsx").path], environment: german)
        #expect(published.status == 0, "\(published.stderr)")
        #expect(published.stdout.contains("Version 1 (14 Fragen)"), "\(published.stdout)")
        let first = try SyncServerProcess.run(
            ["households", "import", "--cohort", "wedding", "--db", db, list.path], environment: german)
        #expect(first.stdout.contains("3 neue, 0 geänderte, 0 unveränderte Türen"), "\(first.stderr)")
        let second = try SyncServerProcess.run(
            ["households", "import", "--cohort", "wedding", "--db", db, list.path], environment: german)
        #expect(second.stdout.contains("0 neue, 0 geänderte, 3 unveränderte Türen"), "\(second.stderr)")
        // A damaged workbook, a CSV saved under .xlsx, an old binary .xls renamed, an empty .xlsx.
        let notWorkbooks: [(String, Data)] = [
            ("kaputt.xlsx", Data("PK\u{3}\u{4}kaputt".utf8)), ("fragen.xlsx", Data("type,name,label\ninteger,alter,Alter\n".utf8)),
            ("alt.xlsx", Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0])), ("leer.XLSX", Data()),
        ]
        for (name, bytes) in notWorkbooks {
            let broken = directory.appendingPathComponent(name)
            try bytes.write(to: broken)
            let refused = try SyncServerProcess.run(
                ["survey", "publish", "--cohort", "wedding", "--db", db, broken.path], environment: german)
            #expect(refused.status == 1)
            #expect(
                refused.stderr
                    == "Fehler: Die Datei ist keine Excel-Arbeitsmappe (.xlsx): Sie ist kein lesbares ZIP-Archiv. Speichern Sie sie "
                    + "in Ihrem Tabellenprogramm als \"Excel 2007-365 (.xlsx)\" und versuchen Sie es erneut.\n",
                "\(name): the operator reads it in German: \(refused.stderr)")
        }
    }

    @Test("POST /v1/surveys takes a workbook and answers a broken one with 400, never 5xx")
    func postWorkbook() async throws {
        let harness = try await TestHarness()
        try await harness.makeCohort("wedding", survey: false)
        let workbook = try Data(contentsOf: Self.fixtures.appendingPathComponent("nachbarschaftsbefragung.xlsx"))
        try await harness.run { client in
            let trainer = try await harness.enroll(client, cohort: "wedding", name: "Weber", role: .trainer)
            let broken = try await client.send(
                .post, "/v1/surveys", token: trainer.token, body: ByteBuffer(bytes: workbook.prefix(workbook.count / 2)),
                contentType: Self.workbookType)
            #expect(broken.status == .badRequest)
            let created = try await client.send(
                .post, "/v1/surveys", token: trainer.token, body: ByteBuffer(bytes: workbook), contentType: Self.workbookType)
            #expect(created.status == .created)
            #expect(try created.decode(PublishedSurvey.self).definition.questions.count == 14)
        }
    }
}
