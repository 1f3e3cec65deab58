import Foundation
import SyncModel
import Testing
@testable import fieldclient

/// The local store: schema, change tracking, id prefixes, and refusing damaged or foreign files.
@Suite("LocalStore")
struct LocalStoreTests {
    @Test("a local edit makes a record pending and grows its revision")
    func localEditIsPending() throws {
        let device = try TestDevice(participant: "anna", replicaSeed: 1, surveys: [try Fixtures.survey()])
        let record = try device.records.createResponse(
            survey: try Fixtures.survey(), answers: ["haushalt": 2], finalize: false, household: nil)
        #expect(try device.store.pendingCount() == 1)
        try device.records.edit(record.id, changes: ["haushalt": 3])
        let stored = try #require(try device.store.record(id: record.id))
        #expect(stored.revision == 2)
        #expect(stored.syncedRevision == 0)
        #expect(stored.record.value(of: "haushalt") == 3)
    }

    @Test("a pulled page inserts the records the store lacks and merges those it holds, also one named twice in the page")
    func pageInsertsAndMerges() throws {
        let survey = try Fixtures.survey()
        let device = try TestDevice(participant: "anna", replicaSeed: 1, surveys: [survey], encrypted: false)
        let mine = try device.records.createResponse(survey: survey, answers: ["haushalt": 2], finalize: false, household: nil)
        func response(_ id: UUID, _ household: Int64, by replica: UInt64) -> Record {
            var record = Record(
                id: id, collection: RecordCollection.responses, cohort: "kurs", survey: survey.id, surveyVersion: survey.version,
                owner: "anna")
            record.write("haushalt", .integer(household), by: ReplicaID(high: replica, low: replica), at: Timestamp(millisecondsSince1970: 5))
            return record
        }
        var theirs = mine
        theirs.write("kinder", 1, by: ReplicaID(high: 9, low: 9), at: Timestamp(millisecondsSince1970: 7))
        let newID = UUID(uuidString: "00000000-0000-4000-8000-0000000000aa")!
        let first = response(newID, 4, by: 8)
        var later = first
        later.write("haushalt", 5, by: ReplicaID(high: 8, low: 8), at: Timestamp(millisecondsSince1970: 6))
        try device.store.applyPage(
            ChangesPage(records: [theirs, first, later], cursor: "3", hasMore: false, epoch: "epoch-1"),
            now: Timestamp(millisecondsSince1970: 0))
        let merged = try #require(try device.store.record(id: mine.id))
        #expect(merged.record.value(of: "haushalt") == 2 && merged.record.value(of: "kinder") == 1)
        #expect(merged.revision == 1, "the local change stays pending")
        #expect(try device.store.record(id: newID)?.record == later)
        #expect(try device.store.records().count == 2)
    }

    @Test("invalid answers change nothing")
    func invalidAnswersChangeNothing() throws {
        let survey = try Fixtures.survey()
        let device = try TestDevice(participant: "anna", replicaSeed: 1, surveys: [survey])
        #expect(throws: AnswerValidationError.self) {
            try device.records.createResponse(survey: survey, answers: ["haushalt": 99], finalize: false, household: nil)
        }
        #expect(try device.store.records().isEmpty)
        let record = try device.records.createResponse(survey: survey, answers: ["haushalt": 2], finalize: false, household: nil)
        #expect(throws: AnswerValidationError.self) { try device.records.edit(record.id, changes: ["alter": 5]) }
        #expect(try device.store.record(id: record.id)?.revision == 1)
        #expect(throws: AnswerValidationError.self) { try device.records.finalize(record.id) }
        #expect(try device.store.record(id: record.id)?.record.value(of: ResponseField.status) == "draft")
    }

    @Test(
        "ids resolve from unique prefixes of at least 6 characters",
        arguments: [
            ("00000000-0000-4000-8000-00000000000a", true), ("000000000000400080000000", false), ("abc", false),
            ("zzzzzzzz", false),
        ])
    func idPrefixes(text: String, resolves: Bool) throws {
        let survey = try Fixtures.survey()
        let device = try TestDevice(participant: "anna", replicaSeed: 0, surveys: [survey])
        for _ in 0..<10 { _ = try device.records.createResponse(survey: survey, answers: [:], finalize: false, household: nil) }
        if resolves {
            #expect(try device.store.resolveID(text) == UUID(uuidString: text))
        } else {
            #expect(throws: FieldClientError.self) { try device.store.resolveID(text) }
        }
    }

    @Test("a new store file is owner-only in an owner-only folder")
    func ownerOnlyFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fc-\(UUID())/nested")
        let path = directory.appendingPathComponent("store.sqlite").path
        _ = try LocalStore.open(at: path)
        let file = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        let folder = try FileManager.default.attributesOfItem(atPath: directory.path)[.posixPermissions] as? Int
        #expect(file == 0o600)
        #expect(folder == 0o700)
        for suffix in ["-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            #expect(try FileManager.default.attributesOfItem(atPath: path + suffix)[.posixPermissions] as? Int == 0o600)
        }
    }

    @Test("a damaged or foreign file is refused and left unchanged", arguments: ["garbage", "foreign"])
    func refusesBadFiles(kind: String) throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("fc-\(UUID()).sqlite").path
        if kind == "garbage" {
            try Data("this is not a database, just text that is long enough to look like a header ....".utf8)
                .write(to: URL(fileURLWithPath: path))
        } else {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", "-c", "import sqlite3; c=sqlite3.connect('\(path)'); c.execute('create table t(x)'); c.commit()"]
            try process.run()
            process.waitUntilExit()
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(throws: StoreOpenError.self) { try LocalStore.open(at: path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    }

    @Test("a store whose program died before its log was copied into the file (a kill, a power cut) opens with its data")
    func opensAfterACrash() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fc-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("store.sqlite").path
        let crashed = folder.appendingPathComponent("crashed.sqlite").path
        let survey = try Fixtures.survey()
        let store = try LocalStore.open(at: path)
        try store.saveSurveys([survey])
        // The files as a crash leaves them: copied while the store is open, nothing checkpointed.
        for suffix in ["", "-wal", "-shm"] { try FileManager.default.copyItem(atPath: path + suffix, toPath: crashed + suffix) }
        let header = try #require(FileHandle(forReadingAtPath: crashed)).readData(ofLength: 72)
        try #require(header.count == 72 && header[68..<72].allSatisfy { $0 == 0 }, "the file itself has no application id yet")
        #expect(try LocalStore.open(at: crashed).surveys() == [survey])
    }

    @Test("a store reopens with its data")
    func reopens() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("fc-\(UUID()).sqlite").path
        let survey = try Fixtures.survey()
        do {
            let store = try LocalStore.open(at: path)
            try store.saveSurveys([survey])
        }
        #expect(try LocalStore.open(at: path).surveys() == [survey])
    }
}
