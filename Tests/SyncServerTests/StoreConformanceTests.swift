import Foundation
import SyncModel
import Testing

@testable import SyncServer

/// The conformance cases of the storage boundary: rules that once drifted between the backends,
/// run on every `StoreKind`.
@Suite("Store conformance", .postgresPools)
struct StoreConformanceTests {
    /// A new store of `kind` with the cohort "wedding".
    static func makeStore(_ kind: StoreKind) async throws -> any RecordStore & StoreColumnInspection {
        let store = try await kind.makeStore(random: SeededRandomSource(seed: 11))
        _ = try await store.createCohort(named: "wedding", at: Timestamp(millisecondsSince1970: 1))
        return try #require(store as? any RecordStore & StoreColumnInspection)
    }

    /// Stores `records` as one batch, without a push.
    static func commit(_ records: [SyncModel.Record], to store: any RecordStore) async throws {
        _ = try await store.commitBatch(ids: records.map(\.id), requestEpoch: nil, at: Timestamp(millisecondsSince1970: 2)) {
            _ in BatchPlan(results: [], writes: records, relays: [])
        }
    }

    @Test("A database whose schema is newer than this build is refused", arguments: StoreKind.all)
    func newerSchemaIsRefused(kind: StoreKind) async throws {
        let store = try await Self.makeStore(kind)
        try await store.recordFutureMigration()
        let error = await #expect(throws: StoreError.self) { try await store.migrateAgain() }
        guard case .unavailable(let message) = error else {
            Issue.record("expected StoreError.unavailable, got \(String(describing: error))")
            return
        }
        #expect(message.contains("has schema version \(StoreSchema.newestVersion + 1), newer than this syncserver knows"))
        #expect(message.hasSuffix("Run the newer syncserver."))
    }

    /// Survey ids and versions a record can name.
    static let surveyCases: [(String?, Int?)] = [("nachbarschaft", 2), ("nachbarschaft", nil), (nil, nil)]

    @Test(
        "survey and survey_version are NULL exactly when the record has none, each on its own",
        arguments: StoreKind.all, surveyCases)
    func surveyColumnsFollowTheRecord(kind: StoreKind, survey: (String?, Int?)) async throws {
        let store = try await Self.makeStore(kind)
        let record = Record(
            id: UUID(), collection: RecordCollection.responses, cohort: "wedding", survey: survey.0,
            surveyVersion: survey.1, owner: "Ayşe")
        try await Self.commit([record], to: store)
        let columns = try await store.surveyColumns(of: record.id)
        #expect(columns.survey == survey.0)
        #expect(columns.version == survey.1.map(Int64.init))
    }

    @Test("Every operation on a missing cohort fails with the same message", arguments: StoreKind.all)
    func missingCohortIsOneMessage(kind: StoreKind) async throws {
        let store = try await Self.makeStore(kind)
        let time = Timestamp(millisecondsSince1970: 5)
        let expected = StoreError.notFound("Cohort 'nowhere' does not exist.")
        await #expect(throws: expected) {
            try await store.addEnrollmentCode(
                NewEnrollmentCode(
                    codeHash: Data([1]), cohort: "nowhere", participant: "Ayşe", role: .participant, createdAt: time,
                    expiresAt: time, createdBy: "admin"))
        }
        await #expect(throws: expected) {
            try await store.addDashboardLink(
                NewDashboardLink(
                    linkHash: Data([2]), cohort: "nowhere", trainer: "Weber", createdAt: time, expiresAt: time,
                    createdBy: "admin"))
        }
        await #expect(throws: expected) {
            try await store.publishSurvey(
                PublishedSurvey(cohort: "nowhere", publishedAt: time, definition: try JSONDecoder().decode(SurveyDefinition.self, from: Data(TestFixtures.surveyJSON.utf8))))
        }
    }

    /// Enrolls a device of `participant` in `cohort` with replica `replica`, at time `at`.
    static func enroll(
        _ participant: String, cohort: String = "wedding", replica: UInt64, at: Int64, in store: any RecordStore
    ) async throws -> DeviceInfo {
        let time = Timestamp(millisecondsSince1970: at)
        let hash = SecretHasher.hash("code-\(participant)-\(replica)")
        try await store.addEnrollmentCode(
            NewEnrollmentCode(
                codeHash: hash, cohort: cohort, participant: participant, role: .participant, createdAt: time,
                expiresAt: Timestamp(millisecondsSince1970: at + 1000), createdBy: "admin"))
        return try await store.enroll(
            codeHash: hash,
            device: NewDevice(
                id: "device-\(replica)", name: "Telefon", replica: ReplicaID(high: 7, low: replica),
                tokenHash: SecretHasher.hash("token-\(replica)")),
            at: time)
    }

    @Test("Creating a cohort twice, publishing a version twice and taking a replica id fail with one message each", arguments: StoreKind.all)
    func conflictsAreOneMessage(kind: StoreKind) async throws {
        let store = try await Self.makeStore(kind)
        let time = Timestamp(millisecondsSince1970: 5)
        await #expect(
            throws: StoreError.conflict(
                "Cohort 'wedding' exists already. Choose another name; 'syncserver cohort list' shows the existing ones.")
        ) {
            try await store.createCohort(named: "wedding", at: time)
        }
        let survey = PublishedSurvey(
            cohort: "wedding", publishedAt: time,
            definition: try JSONDecoder().decode(SurveyDefinition.self, from: Data(TestFixtures.surveyJSON.utf8)))
        try await store.publishSurvey(survey)
        await #expect(throws: StoreRules.surveyPublished(survey)) { try await store.publishSurvey(survey) }
        #expect(try await store.surveys(cohort: "wedding").count == 1)
        let first = try await Self.enroll("Ayşe", replica: 1, at: 10, in: store)
        await #expect(throws: StoreRules.replicaTaken(first.replicaId)) {
            _ = try await Self.enroll("Jonas", replica: 1, at: 11, in: store)
        }
        #expect(try await store.devices(cohort: nil).map(\.participant) == ["Ayşe"])
        // The failed enrollment left its code unused: the same code enrolls another replica.
        let again = try await store.enroll(
            codeHash: SecretHasher.hash("code-Jonas-1"),
            device: NewDevice(id: "device-2", name: "Tablet", replica: ReplicaID(high: 7, low: 2), tokenHash: Data([2])),
            at: Timestamp(millisecondsSince1970: 12))
        #expect(again.participant == "Jonas")
        await #expect(throws: StoreError.invalidCode) {
            _ = try await store.enroll(
                codeHash: SecretHasher.hash("code-Jonas-1"),
                device: NewDevice(id: "device-3", name: "Tablet", replica: ReplicaID(high: 7, low: 3), tokenHash: Data([3])),
                at: Timestamp(millisecondsSince1970: 13))
        }
    }

    @Test("Cohorts, devices and retired epochs sort text by bytes, whatever the database's locale", arguments: StoreKind.all)
    func listsSortByBytes(kind: StoreKind) async throws {
        let store = try await Self.makeStore(kind)
        let names = ["b", "Ä", "B", "a", "Zeta"]
        for name in names { _ = try await store.createCohort(named: name, at: Timestamp(millisecondsSince1970: 3)) }
        let bytewise = (names + ["wedding"]).sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        #expect(try await store.cohorts().map(\.name) == bytewise)
        for (index, name) in names.enumerated() {
            _ = try await Self.enroll("P", cohort: name, replica: UInt64(index + 1), at: 20, in: store)
        }
        #expect(try await store.devices(cohort: nil).map(\.cohort) == bytewise.filter { $0 != "wedding" })
        for epoch in ["e-b", "e-B", "e-a"] {
            _ = try await store.rotateEpoch(to: epoch, at: Timestamp(millisecondsSince1970: 30))
        }
        // All three were retired at the same time, so the epoch text alone orders them.
        let retired = try await store.retiredEpochs().map(\.epoch)
        #expect(retired.count == 3 && retired.contains("e-b") && retired.contains("e-B"))
        #expect(retired == retired.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
    }

    @Test("Revoking twice keeps the first time; replica ids map to their devices' owners, revoked too", arguments: StoreKind.all)
    func revocationAndReplicaCohorts(kind: StoreKind) async throws {
        let store = try await Self.makeStore(kind)
        _ = try await store.createCohort(named: "garden", at: Timestamp(millisecondsSince1970: 3))
        let ayse = try await Self.enroll("Ayşe", replica: 1, at: 10, in: store)
        let jonas = try await Self.enroll("Jonas", cohort: "garden", replica: 2, at: 11, in: store)
        let first = try await store.revokeDevice(id: ayse.id, at: Timestamp(millisecondsSince1970: 40))
        let second = try await store.revokeDevice(id: ayse.id, at: Timestamp(millisecondsSince1970: 50))
        #expect(first?.revokedAt == Timestamp(millisecondsSince1970: 40))
        #expect(second == first)
        #expect(try await store.revokeDevice(id: "no-such-device", at: Timestamp(millisecondsSince1970: 50)) == nil)
        #expect(try await store.credential(deviceID: ayse.id)?.device == first)
        let unknown = ReplicaID(high: 9, low: 9)
        let owners = try await store.owners(ofReplicas: [ayse.replicaId, jonas.replicaId, unknown])
        #expect(
            owners == [
                ayse.replicaId: ReplicaOwner(cohort: "wedding", participant: "Ayşe", role: .participant),
                jonas.replicaId: ReplicaOwner(cohort: "garden", participant: "Jonas", role: .participant),
            ])
        #expect(try await store.owners(ofReplicas: []).isEmpty)
    }

    @Test("A device's own write is passed by the cursor but left out of its page; others see it", arguments: StoreKind.all)
    func originRule(kind: StoreKind) async throws {
        let store = try await Self.makeStore(kind)
        let mine = Record(id: UUID(), collection: RecordCollection.households, cohort: "wedding", owner: "Ayşe")
        let other = Record(id: UUID(), collection: RecordCollection.households, cohort: "wedding", owner: "Ayşe")
        _ = try await store.commitBatch(ids: [mine.id, other.id], requestEpoch: nil, at: Timestamp(millisecondsSince1970: 2)) {
            _ in BatchPlan(results: [], writes: [mine, other], relays: [], origins: [mine.id: "device-a"])
        }
        let own = try await store.changes(in: .cohort("wedding"), after: 0, limit: 10, reader: "device-a")
        #expect(try own.records() == [other])
        #expect(own.cursor == 2 && !own.hasMore)
        let others = try await store.changes(in: .cohort("wedding"), after: 0, limit: 1, reader: "device-b")
        #expect(try others.records() == [mine])
        #expect(others.cursor == 1 && others.hasMore)
    }

    @Test("A push under a retired epoch counts as a relay, under the current or an unknown one not", arguments: StoreKind.all)
    func epochRule(kind: StoreKind) async throws {
        let store = try await Self.makeStore(kind)
        let retired = try await store.rotateEpoch(to: "epoch-2", at: Timestamp(millisecondsSince1970: 3))
        for (requestEpoch, expected) in [(retired.epoch, true), ("epoch-2", false), ("never-seen", false), (nil, false)] {
            let outcome = try await store.commitBatch(ids: [], requestEpoch: requestEpoch, at: Timestamp(millisecondsSince1970: 4)) {
                snapshot in
                #expect(snapshot.requestEpochIsRetired == expected, "request epoch \(String(describing: requestEpoch))")
                #expect(snapshot.epoch == "epoch-2")
                return BatchPlan(results: [], writes: [], relays: [])
            }
            #expect(outcome.lastSequence == nil)
        }
    }

    @Test(
        "A batch larger than one statement takes is stored, loaded back, paged and its relay notes scrubbed whole",
        arguments: StoreKind.all)
    func batchesSpanStatements(kind: StoreKind) async throws {
        let store = try await Self.makeStore(kind)
        let inspected = try #require(store as? any StoreInspection)
        let count = SQLiteRecordStore.rowsPerStatement * 3 / 2
        let records = (0..<count).map { _ in
            Record(id: UUID(), collection: RecordCollection.households, cohort: "wedding", owner: "Ayşe")
        }
        let relays = records.map { RelayNote(recordID: $0.id, deviceID: "device-a", epoch: "old", replicas: []) }
        let first = try await store.commitBatch(ids: records.map(\.id), requestEpoch: nil, at: Timestamp(millisecondsSince1970: 2)) {
            snapshot in
            #expect(snapshot.existing.isEmpty)
            return BatchPlan(results: [], writes: records, relays: relays)
        }
        #expect(first.lastSequence == Int64(count))
        _ = try await store.commitBatch(ids: records.map(\.id), requestEpoch: nil, at: Timestamp(millisecondsSince1970: 3)) {
            snapshot in
            #expect(snapshot.existing == Dictionary(uniqueKeysWithValues: records.map { ($0.id, $0) }))
            return BatchPlan(results: [], writes: [], relays: [])
        }
        #expect(try await inspected.relayNotes().count == count)
        let tail = try await store.changes(in: .cohort("wedding"), after: 1000, limit: count, reader: nil)
        #expect(try tail.records() == Array(records[1000...]))
        #expect(tail.cursor == Int64(count) && !tail.hasMore)
        try await store.scrubErased(ids: records.map(\.id))
        #expect(try await inspected.relayNotes().isEmpty)
    }

    @Test(
        "Concurrent batches, one refused: the others are all in the feed with gap-free sequences, the refused one nowhere",
        arguments: StoreKind.all)
    func concurrentBatchesKeepTheFeedWhole(kind: StoreKind) async throws {
        struct Refused: Error {}
        let store = try await Self.makeStore(kind)
        let batches = (0..<12).map { _ in
            (0..<3).map { _ in Record(id: UUID(), collection: RecordCollection.households, cohort: "wedding", owner: "Ayşe") }
        }
        let refused = 5
        let outcomes = await withTaskGroup(of: (Int, Result<BatchOutcome, any Error>).self) { group in
            for (index, records) in batches.enumerated() {
                group.addTask {
                    do {
                        let outcome = try await store.commitBatch(
                            ids: records.map(\.id), requestEpoch: nil, at: Timestamp(millisecondsSince1970: 2)
                        ) { _ in
                            if index == refused { throw Refused() }
                            return BatchPlan(results: [], writes: records, relays: [])
                        }
                        return (index, .success(outcome))
                    } catch {
                        return (index, .failure(error))
                    }
                }
            }
            return await group.reduce(into: [Int: Result<BatchOutcome, any Error>]()) { $0[$1.0] = $1.1 }
        }
        for (index, outcome) in outcomes {
            if index == refused {
                #expect(throws: Refused.self) { try outcome.get() }
            } else {
                let last = try outcome.get().lastSequence
                #expect(last.map { $0 % 3 == 0 } == true, "a batch's three rows are consecutive, ending at \(String(describing: last))")
            }
        }
        let page = try await store.changes(in: .cohort("wedding"), after: 0, limit: 100, reader: nil)
        let stored = try page.records()
        #expect(stored.count == 33 && page.cursor == 33 && !page.hasMore, "sequences 1…33, none skipped")
        #expect(Set(stored.map(\.id)) == Set(batches.enumerated().filter { $0.offset != refused }.flatMap { $0.element.map(\.id) }))
    }

    @Test(
        "migrate's transfer keeps the records' survey columns and NULLs from SQLite to PostgreSQL",
        .enabled(if: TestPostgres.serverURL != nil, "needs QS_POSTGRES_URL (scripts/test sets it)"))
    func transferKeepsTheColumnRules() async throws {
        let source = try await Self.makeStore(.sqlite)
        let records = Self.surveyCases.map { survey in
            Record(
                id: UUID(), collection: RecordCollection.responses, cohort: "wedding", survey: survey.0,
                surveyVersion: survey.1, owner: "Ayşe")
        }
        try await Self.commit(records, to: source)
        let sqlite = try #require(source as? SQLiteRecordStore)
        let target = try await TestPostgres.makeStore(random: SeededRandomSource(seed: 12))
        let moved = try await target.importDeployment(
            try await sqlite.exportHeader(), newEpoch: "epoch-after-move", at: Timestamp(millisecondsSince1970: 9),
            relays: [], nextRecords: { after in try await sqlite.exportRecords(after: after, limit: 2) })
        #expect(moved.records == records.count)
        for (record, survey) in zip(records, Self.surveyCases) {
            let columns = try await target.surveyColumns(of: record.id)
            #expect(columns.survey == survey.0)
            #expect(columns.version == survey.1.map(Int64.init))
        }
        #expect(try await target.changes(in: .cohort("wedding"), after: 0, limit: 10, reader: nil).records() == records)
    }

    @Test(
        "A person's roles come from their devices, revoked too, and their enrollment codes, used or not; other cohorts' people are not listed",
        arguments: StoreKind.all)
    func enrolledRoles(kind: StoreKind) async throws {
        let store = try await Self.makeStore(kind)
        try await Self.fillDeployment(store)
        _ = try await store.createCohort(named: "moabit", at: Timestamp(millisecondsSince1970: 80))
        try await store.addEnrollmentCode(
            NewEnrollmentCode(
                codeHash: Data([8]), cohort: "moabit", participant: "Jonas", role: .participant,
                createdAt: Timestamp(millisecondsSince1970: 90), expiresAt: Timestamp(millisecondsSince1970: 99), createdBy: "admin"))
        #expect(try await store.enrolledRoles(cohort: "wedding") == ["Ayşe": [.participant], "Weber": [.trainer]])
        #expect(try await store.enrolledRoles(cohort: "moabit") == ["Jonas": [.participant]])
        #expect(try await store.enrolledRoles(cohort: "nowhere") == [:])
    }

    /// Fills `store` with one of everything `migrate` moves: a revoked device and the code it
    /// used, an unused code, a survey, two audit events of one millisecond, the pseudonym secret,
    /// and a record with its relay note.
    static func fillDeployment(_ store: any RecordStore) async throws {
        let at = { Timestamp(millisecondsSince1970: $0) }
        let device = try await enroll("Ayşe", replica: 1, at: 10, in: store)
        _ = try await store.revokeDevice(id: device.id, at: at(20))
        try await store.addEnrollmentCode(
            NewEnrollmentCode(
                codeHash: Data([9]), cohort: "wedding", participant: "Weber", role: .trainer, createdAt: at(30),
                expiresAt: at(40), createdBy: device.id))
        try await store.publishSurvey(
            PublishedSurvey(
                cohort: "wedding", publishedAt: at(50),
                definition: try JSONDecoder().decode(SurveyDefinition.self, from: Data(TestFixtures.surveyJSON.utf8))))
        try await store.recordAudit(.byOperator(.enrollmentCode, cohort: "wedding", at: at(60), details: ["for": "Weber"]))
        try await store.recordAudit(.make(.revocation, by: device, at: at(60)))
        _ = try await store.pseudonymSecret(random: SeededRandomSource(seed: 3))
        let record = Record(
            id: UUID(uuidString: "00000000-0000-4000-8000-000000000001")!, collection: RecordCollection.responses,
            cohort: "wedding", survey: "nachbarschaft", surveyVersion: 1, owner: "Ayşe")
        _ = try await store.commitBatch(ids: [record.id], requestEpoch: nil, at: at(70)) { _ in
            BatchPlan(
                results: [], writes: [record],
                relays: [RelayNote(recordID: record.id, deviceID: device.id, epoch: "old", replicas: [ReplicaID(high: 7, low: 2)])])
        }
    }

    /// What an export holds, one line a row, without the epochs (a move replaces them).
    static func exportLines(_ store: any SQLRecordStore) async throws -> [String] {
        let header = try await store.exportHeader()
        let hex = { (data: Data) in data.map { String(format: "%02x", $0) }.joined() }
        return header.cohorts.map { "cohort \($0.name) \($0.createdAt.millisecondsSince1970)" }
            + header.devices.map {
                let device = $0.device
                return "device \(device.id) \(device.cohort) \(device.participant) \(device.role) \(device.name) "
                    + "\(device.replicaId) \(device.createdAt.millisecondsSince1970) "
                    + "\(device.revokedAt?.millisecondsSince1970 ?? -1) \(hex($0.tokenHash).prefix(8))"
            }
            + header.codes.map {
                "code \(hex($0.code.codeHash).prefix(8)) \($0.code.cohort) \($0.code.participant) \($0.code.role) "
                    + "\($0.code.createdAt.millisecondsSince1970)-\($0.code.expiresAt.millisecondsSince1970) "
                    + "by \($0.code.createdBy) used \($0.usedAt?.millisecondsSince1970 ?? -1) \($0.deviceID ?? "-")"
            }
            + header.surveys.map {
                "survey \($0.cohort) \($0.id) \($0.version) \($0.publishedAt.millisecondsSince1970) \($0.definition.count) bytes"
            }
            + header.auditEvents.map { "audit \($0.time.millisecondsSince1970) \($0.actor) \($0.kind.rawValue) \($0.details)" }
            + ["secret \(header.pseudonymSecret?.count ?? 0) digits", "replica \(header.serverReplica)"]
            + (try await store.exportRecords(after: 0, limit: 10)).map {
                "record \($0.record.id) \($0.record.survey ?? "-") \($0.sequence) \($0.updatedAt.millisecondsSince1970)"
            }
            + (try await store.exportRelays()).map {
                "relay \($0.note.recordID) \($0.note.deviceID) \($0.note.epoch) \($0.note.replicas) \($0.sequence) "
                    + "\($0.relayedAt.millisecondsSince1970)"
            }
    }

    @Test("migrate's export reads back everything of a deployment, the same on every store", arguments: StoreKind.all)
    func exportReadsEverything(kind: StoreKind) async throws {
        let store = try #require(try await Self.makeStore(kind) as? any SQLRecordStore)
        try await Self.fillDeployment(store)
        let lines = try await Self.exportLines(store)
        let token = SecretHasher.hash("token-1").map { String(format: "%02x", $0) }.joined().prefix(8)
        let code = SecretHasher.hash("code-Ayşe-1").map { String(format: "%02x", $0) }.joined().prefix(8)
        let replica = try await store.serverReplica()
        let id = "00000000-0000-4000-8000-000000000001"
        #expect(
            lines == [
                "cohort wedding 1",
                "device device-1 wedding Ayşe participant Telefon \(ReplicaID(high: 7, low: 1)) 10 20 \(token)",
                "code \(code) wedding Ayşe participant 10-1010 by admin used 10 device-1",
                "code 09 wedding Weber trainer 30-40 by device-1 used -1 -",
                "survey wedding nachbarschaft 1 50 \(try await store.surveys(cohort: "wedding")[0].definition.canonicalJSON().count) bytes",
                "audit 60 admin enrollment-code [\"for\": \"Weber\"]",
                "audit 60 Ayşe revocation [\"byDevice\": \"device-1\"]",
                "secret 64 digits", "replica \(replica)",
                "record \(id.uppercased()) nachbarschaft 1 70",
                "relay \(id.uppercased()) device-1 old [\(ReplicaID(high: 7, low: 2))] 1 70",
            ])
    }

    /// Moves `source` into `target` as `syncserver migrate` does, a record per page, with the new
    /// epoch "epoch-after-move".
    static func move(_ source: SQLiteRecordStore, to target: PostgresRecordStore) async throws {
        _ = try await target.importDeployment(
            try await source.exportHeader(), newEpoch: "epoch-after-move", at: Timestamp(millisecondsSince1970: 90),
            relays: try await source.exportRelays(), nextRecords: { after in try await source.exportRecords(after: after, limit: 1) })
    }

    @Test(
        "A deployment moved from SQLite to PostgreSQL exports from there what it exported before",
        .enabled(if: TestPostgres.serverURL != nil, "needs QS_POSTGRES_URL (scripts/test sets it)"))
    func moveKeepsTheExport() async throws {
        let source = try #require(try await Self.makeStore(.sqlite) as? SQLiteRecordStore)
        try await Self.fillDeployment(source)
        let target = try await TestPostgres.makeStore(random: SeededRandomSource(seed: 12))
        try await Self.move(source, to: target)
        #expect(try await Self.exportLines(target) == (try await Self.exportLines(source)))
        #expect(try await target.epoch() == "epoch-after-move")
        #expect(try await target.retiredEpochs().map(\.epoch) == [try await source.epoch()])
    }

    @Test(
        "migrate refuses a destination that holds anything, names what it holds, and changes nothing",
        .enabled(if: TestPostgres.serverURL != nil, "needs QS_POSTGRES_URL (scripts/test sets it)"))
    func usedDestinationIsRefused() async throws {
        let source = try #require(try await Self.makeStore(.sqlite) as? SQLiteRecordStore)
        try await Self.fillDeployment(source)
        let target = try await TestPostgres.makeStore(random: SeededRandomSource(seed: 12))
        _ = try await target.createCohort(named: "wedding", at: Timestamp(millisecondsSince1970: 1))
        _ = try await Self.enroll("Jonas", replica: 5, at: 10, in: target)
        let before = try await Self.exportLines(target)
        let epoch = try await target.epoch()
        await #expect(
            throws: StoreError.conflict(
                "The destination \(target.location) is not empty (1 cohorts, 1 devices, 1 enrollment_codes). "
                    + "Migrate into a new, empty database (createdb NAME), never over a used one.")
        ) {
            try await Self.move(source, to: target)
        }
        #expect(try await Self.exportLines(target) == before)
        #expect(try await target.epoch() == epoch)
    }
}
