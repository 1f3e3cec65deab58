import Foundation
import SyncModel
import Testing

@testable import SyncServer

/// The plans of pushes, with the checks computed before the write transaction
/// (``PushPlanner/precheck(_:)``): which states are accepted, merged or rejected, and that a
/// check of the sent state is never reused for a merged state that differs from it.
@Suite("PushPlanner")
struct PushPlannerTests {
    static let anna = ReplicaID(high: 0xA, low: 1)
    static let tina = ReplicaID(high: 0xB, low: 2)
    /// The replica of Anna's earlier, revoked device, whose store she joined again with a new code.
    static let annaBefore = ReplicaID(high: 0xA, low: 9)
    /// A replica no enrolled device has.
    static let stranger = ReplicaID(high: 0xC, low: 3)
    static let at = Timestamp(millisecondsSince1970: 1_795_600_000_000)

    let planner: PushPlanner

    init() throws {
        let device = DeviceInfo(
            id: "d-anna", cohort: "c", participant: "anna", role: .participant, name: "Annas Laptop",
            replicaId: Self.anna, createdAt: Self.at, revokedAt: nil)
        let survey = try SurveyDefinition.parse(TestFixtures.surveyJSON)
        planner = PushPlanner(
            device: device, surveys: [SurveyKey(id: "nachbarschaft", version: 1): survey],
            replicaOwners: [
                Self.tina: ReplicaOwner(cohort: "c", participant: "tina", role: .trainer),
                Self.annaBefore: ReplicaOwner(cohort: "c", participant: "anna", role: .participant),
            ], requestEpoch: nil)
    }

    static func response(_ answers: [String: FieldValue], id: UUID = UUID()) -> Record {
        TestFixtures.response(id: id, cohort: "c", owner: "anna", replica: anna, answers: answers)
    }

    /// A batch, the stored states, and the statuses (with error codes) the plan must give.
    typealias Case = (name: String, records: [Record], stored: [Record], expected: [String])

    static var cases: [Case] {
        var list: [Case] = []
        list.append(("new valid", [response(["wohndauer": 3])], [], ["accepted"]))
        list.append(("new invalid", [response(["wohndauer": 300])], [], ["rejected validationFailed"]))
        let broken = Record(
            id: UUID(), collection: RecordCollection.responses, cohort: "c", survey: "nachbarschaft", surveyVersion: 1,
            owner: "anna", version: VersionVector(),
            fields: ["wohndauer": Register(siblings: [Sibling(dot: Dot(replica: anna, counter: 1), value: 3, timestamp: at)])],
            deletion: Register())
        list.append(("broken structure", [broken], [], ["rejected invalidRecord"]))

        // The trainer corrected the stored state; Anna's newer edit merges with it.
        var stored = response(["wohndauer": 3])
        var sent = stored
        _ = stored.write(["zufrieden": "ja"], by: tina, at: at)
        _ = sent.write(["wohndauer": 4], by: anna, at: at)
        list.append(("merged differs from sent", [sent], [stored], ["accepted merged"]))

        // Anna's state includes the stored one: merged equals sent, and it is invalid.
        let base = response(["wohndauer": 3])
        var invalidLater = base
        _ = invalidLater.write(["wohndauer": 500], by: anna, at: at)
        list.append(("merged equals sent, invalid", [invalidLater], [base], ["rejected validationFailed"]))

        // A valid sent state whose merge with the stored one is invalid (an answer stored before
        // the rule): validation must judge the merged state, not reuse the sent state's result.
        var storedInvalid = response(["wohndauer": 3])
        var sentValid = storedInvalid
        _ = storedInvalid.write(["wohndauer": 700], by: tina, at: at)
        _ = sentValid.write(["zufrieden": "nein"], by: anna, at: at)
        list.append(("valid sent, invalid merge", [sentValid], [storedInvalid], ["rejected validationFailed"]))

        // One record twice in a batch: the second is judged against the first's result.
        let first = response(["wohndauer": 10])
        var second = first
        _ = second.write(["wohndauer": 1000], by: anna, at: at)
        list.append(("same id twice", [first, second], [], ["accepted", "rejected validationFailed"]))

        let earlier = response(["wohndauer": 20])
        var later = earlier
        _ = later.write(["wohndauer": 21], by: anna, at: at)
        list.append(("same id twice, both valid", [earlier, later], [], ["accepted", "accepted"]))

        let unchanged = response(["wohndauer": 5])
        list.append(("unchanged", [unchanged], [unchanged], ["accepted"]))

        // Review messages: a participant replies, but may not ask (LogFieldRules).
        let reviewed = response(["wohndauer": 6])
        var reply = reviewed
        var ask = reviewed
        let replyMessage = ReviewMessage(id: "r", at: at, by: "anna", role: "participant", kind: .reply, text: "erledigt")
        let askMessage = ReviewMessage(id: "a", at: at, by: "anna", role: "participant", kind: .ask, text: "?")
        _ = reply.write([ReviewField.message("r"): replyMessage.fieldValue], by: anna, at: at)
        _ = ask.write([ReviewField.message("a"): askMessage.fieldValue], by: anna, at: at)
        list.append(("participant replies", [reply], [reviewed], ["accepted"]))
        list.append(("participant asks", [ask], [reviewed], ["rejected forbidden"]))
        // An offline device pushes its old content (with an edit) after a trainer erased the record:
        // accepted, and answered with the erased state, which the server keeps.
        var erasedStored = response(["wohndauer": 6])
        var offline = erasedStored
        _ = offline.write(["wohndauer": 7], by: anna, at: at)
        erasedStored.erase(Erasure(erasedBy: "tina", erasedAt: at), by: tina)
        list.append(("content after an erasure", [offline], [erasedStored], ["accepted merged"]))

        // A participant may not erase; re-sending an erasure the server has is fine.
        var annaErases = response(["wohndauer": 8])
        let annaStored = annaErases
        annaErases.erase(Erasure(erasedBy: "anna", erasedAt: at), by: anna)
        list.append(("participant erases", [annaErases], [annaStored], ["rejected forbidden"]))
        list.append(("participant re-sends a known erasure", [erasedStored], [erasedStored], ["accepted"]))

        // Writes the server lacks: an earlier device of the same person hands them on; nobody else may.
        let fromBefore = TestFixtures.response(cohort: "c", owner: "anna", replica: annaBefore, answers: ["wohndauer": 9])
        list.append(("writes of the person's earlier device", [fromBefore], [], ["accepted"]))
        let fromTina = TestFixtures.response(cohort: "c", owner: "anna", replica: tina, answers: ["wohndauer": 9])
        list.append(("writes of another person's device", [fromTina], [], ["rejected foreignReplica"]))
        let fromStranger = TestFixtures.response(cohort: "c", owner: "anna", replica: stranger, answers: ["wohndauer": 9])
        list.append(("writes of an unknown replica", [fromStranger], [], ["rejected foreignReplica"]))
        return list
    }

    @Test("Each push is judged on its merged state, with the sent state's checks reused only for it", arguments: Self.cases.map(\.name))
    func plansJudgeTheMergedState(name: String) throws {
        let testCase = try #require(Self.cases.first { $0.name == name })
        // The cases are rebuilt per call (new ids); take one instance for both plans.
        let snapshot = BatchSnapshot(
            existing: Dictionary(uniqueKeysWithValues: testCase.stored.map { ($0.id, $0) }), epoch: "e",
            requestEpochIsRetired: false)
        let prechecked = planner.plan(testCase.records, prechecks: planner.precheck(testCase.records), snapshot: snapshot)
        // States encoded before the transaction are exactly the stored form of what is written.
        for record in prechecked.writes {
            #expect(prechecked.storedState(of: record) == StoredState.encode(record))
        }
        #expect(Set(prechecked.encodedStates.keys).isSubset(of: Set(prechecked.writes.map(\.id))))
        let statuses = prechecked.results.map { result in
            switch (result.status, result.error, result.record) {
            case (.rejected, let error?, _): "rejected \(error.code)"
            case (.accepted, _, .some): "accepted merged"
            default: "\(result.status.rawValue)"
            }
        }
        #expect(statuses == testCase.expected)
        // Whatever was erased before stays erased: no write and no answer brings content back.
        for stored in testCase.stored where stored.isErased {
            for write in prechecked.writes where write.id == stored.id { #expect(write.isErased && write.fields.isEmpty) }
            for result in prechecked.results where result.id == stored.id {
                #expect(result.record.map { $0.isErased && $0.fields.isEmpty } ?? true)
            }
        }
    }

    @Test("A trainer's erasure is accepted and written, without validating answers it no longer has")
    func trainerErasureIsWritten() throws {
        let trainer = PushPlanner(
            device: DeviceInfo(
                id: "d-tina", cohort: "c", participant: "tina", role: .trainer, name: "Tinas Laptop",
                replicaId: Self.tina, createdAt: Self.at, revokedAt: nil),
            surveys: planner.surveys,
            replicaOwners: [Self.anna: ReplicaOwner(cohort: "c", participant: "anna", role: .participant)], requestEpoch: nil)
        let stored = Self.response(["wohndauer": 3])
        var erased = stored
        erased.erase(Erasure(erasedBy: "tina", erasedAt: Self.at), by: Self.tina)
        let plan = trainer.plan(
            [erased], prechecks: trainer.precheck([erased]),
            snapshot: BatchSnapshot(existing: [stored.id: stored], epoch: "e", requestEpochIsRetired: false))
        #expect(plan.results.map(\.status) == [.accepted])
        #expect(plan.writes == [erased])
    }
}
