import Foundation
import PropertyBased
import SyncModel
import Testing

/// Replicas that visit one door, withdraw visits and sync pairwise in any interleaving end with the
/// same visits and the same status after a full sync, and no visit is lost; the same for review messages.
@Suite("Visit log properties")
struct VisitLogPropertyTests {
    static let script = Gen.int(in: 0...Int(Int32.max)).array(of: 0...60)
    static let replicaCount = Gen.int(in: 3...5)

    /// One replica: its state, its participant name, whether it is a trainer.
    struct Replica {
        var state: Record
        let id: ReplicaID
        let name: String
        let isTrainer: Bool
    }

    static func replicas(_ count: Int, base: Record) -> [Replica] {
        var replicas: [Replica] = []
        for index in 0..<count {
            let name: String = index == 0 ? "tina" : "p" + String(index)
            let id = ReplicaID(high: 7, low: UInt64(index + 1))
            replicas.append(Replica(state: base, id: id, name: name, isTrainer: index == 0))
        }
        return replicas
    }

    static func fullSync(_ replicas: inout [Replica]) throws {
        var all = replicas[0].state
        for replica in replicas.dropFirst() { try all.merge(replica.state) }
        for index in replicas.indices { try replicas[index].state.merge(all) }
    }

    @Test
    func visitsAndWithdrawalsConverge() async {
        await propertyCheck(count: 500, input: Self.replicaCount, Self.script) { count, script in
            var door = Record(id: UUID(uuidString: "11111111-0000-4000-8000-000000000001")!, collection: RecordCollection.households, cohort: "k", owner: "import")
            door.write(HouseholdField.street, "Lindenstraße", by: ReplicaID(high: 9, low: 9), at: Timestamp(millisecondsSince1970: 0))
            var replicas = Self.replicas(count, base: door)
            var made: Set<String> = []
            var withdrawn: Set<String> = []
            for (step, value) in script.enumerated() {
                let r = (value / 4) % count
                let time = Timestamp(millisecondsSince1970: Int64(1_000 + (value / 64) % 50))  // clocks collide on purpose
                switch value % 4 {
                case 0, 1:
                    let id = "v\(step)"
                    let outcome = VisitOutcome.allCases[(value / 16) % 4]
                    replicas[r].state.write(
                        VisitField.entry(id), Visit.makeEntry(at: time, by: replicas[r].name, outcome: outcome, note: nil),
                        by: replicas[r].id, at: time)
                    made.insert(id)
                case 2:
                    let visible = VisitLog(replicas[r].state).visits.filter { replicas[r].isTrainer || $0.by == replicas[r].name }
                    guard !visible.isEmpty else { continue }
                    let visit = visible[(value / 16) % visible.count]
                    replicas[r].state.write(
                        VisitField.withdrawal(visit.id), Visit.makeWithdrawal(at: time, by: replicas[r].name), by: replicas[r].id, at: time)
                    withdrawn.insert(visit.id)
                default:
                    let other = (value / 16) % count
                    try replicas[r].state.merge(replicas[other].state)
                }
            }
            try Self.fullSync(&replicas)
            let logs = replicas.map { VisitLog($0.state) }
            for log in logs.dropFirst() {
                #expect(log == logs[0])
                #expect(log.status == logs[0].status)
            }
            #expect(Set(logs[0].visits.map(\.id)) == made)
            #expect(Set(logs[0].visits.filter(\.isWithdrawn).map(\.id)) == withdrawn)
            #expect(replicas.allSatisfy { $0.state.conflicts.isEmpty })
        }
    }

    @Test
    func reviewMessagesConverge() async {
        await propertyCheck(count: 500, input: Self.replicaCount, Self.script) { count, script in
            let response = Record(
                id: UUID(uuidString: "22222222-0000-4000-8000-000000000001")!, collection: RecordCollection.responses, cohort: "k",
                survey: "s", surveyVersion: 1, owner: "p1")
            var replicas = Self.replicas(count, base: response)
            var made: Set<String> = []
            for (step, value) in script.enumerated() {
                let r = (value / 4) % count
                let time = Timestamp(millisecondsSince1970: Int64(1_000 + (value / 64) % 50))
                if value % 3 == 2 {
                    try replicas[r].state.merge(replicas[(value / 16) % count].state)
                    continue
                }
                let kind: ReviewKind = replicas[r].isTrainer ? [.ok, .ask, .close][(value / 16) % 3] : .reply
                let message = ReviewMessage(
                    id: "m\(step)", at: time, by: replicas[r].name, role: replicas[r].isTrainer ? "trainer" : "participant", kind: kind,
                    text: "t\(step)")
                replicas[r].state.write(ReviewField.message(message.id), message.fieldValue, by: replicas[r].id, at: time)
                made.insert(message.id)
            }
            try Self.fullSync(&replicas)
            let threads = replicas.map { ReviewThread($0.state) }
            for thread in threads.dropFirst() {
                #expect(thread == threads[0])
                #expect(thread.state == threads[0].state)
            }
            #expect(Set(threads[0].messages.map(\.id)) == made)
            #expect(replicas.allSatisfy { $0.state.conflicts.isEmpty })
        }
    }
}
