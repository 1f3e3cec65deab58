import Foundation
import SyncModel

/// A deterministic simulation of replicas that edit one record offline and exchange states over
/// a network that duplicates and reorders messages. Each integer of a script is one operation,
/// so property tests generate scripts as integer arrays and shrink them like any array.
struct ReplicaSimulation {
    /// One write ever made, as a property test checks it against the final state.
    struct Write {
        /// The write's dot.
        let dot: Dot
        /// The field written, or ``ReplicaSimulation/deletionField`` for deletes and restores.
        let field: String
        /// The value written; deletes and restores write true and false.
        let value: FieldValue
        /// What the writer had seen before the write.
        let context: VersionVector
    }

    /// The pseudo field name under which deletes and restores are logged.
    static let deletionField = "⌫deleted"
    /// The fields the simulated edits write.
    static let fieldNames = ["alter", "wohndauer", "_note"]

    let replicas: [ReplicaID]
    /// Whether some restores become erasures (one in four); off for the tests that count writes,
    /// since an erasure drops writes on purpose.
    let erases: Bool
    /// How many erasures the run made.
    private(set) var erasureCount = 0
    private(set) var states: [Record]
    private(set) var inFlight: [(target: Int, state: Record)] = []
    private(set) var writes: [Write] = []
    /// Every state any replica held, in order: material for algebraic properties.
    private(set) var history: [Record] = []

    /// Creates `count` replicas that all start from the same empty record.
    init(replicaCount count: Int, erases: Bool = false) {
        self.erases = erases
        replicas = (0..<count).map { ReplicaID(high: UInt64($0 + 1), low: UInt64($0) &* 0x9E37_79B9) }
        states = Array(repeating: TestReplicas.response(), count: count)
        history = [TestReplicas.response()]
    }

    /// Runs every operation of `script`.
    mutating func run(_ script: [Int]) throws {
        for step in script { try apply(step) }
    }

    /// Decodes one integer into an operation and applies it.
    mutating func apply(_ step: Int) throws {
        let n = abs(step)
        let replica = (n / 10) % replicas.count
        // Small timestamp range: ties and clocks that go backwards happen often.
        let timestamp = Timestamp(millisecondsSince1970: Int64((n / 100_000) % 50))
        switch n % 10 {
        case 0...3:
            let mask = (n / 100) % 7 + 1
            let value = FieldValue.integer(Int64((n / 1000) % 100))
            var changes: [String: FieldValue] = [:]
            for (bit, name) in Self.fieldNames.enumerated() where mask & (1 << bit) != 0 { changes[name] = value }
            let context = states[replica].version
            let dot = states[replica].write(changes, by: replicas[replica], at: timestamp)!
            for name in changes.keys { writes.append(Write(dot: dot, field: name, value: value, context: context)) }
        case 5 where erases && (n / 1000) % 4 == 0:
            let erasure = Erasure(erasedBy: "trainer\((n / 100) % 3)", erasedAt: timestamp)
            if states[replica].erase(erasure, by: replicas[replica]) != nil { erasureCount += 1 }
        case 4, 5:
            let context = states[replica].version
            let isDelete = n % 10 == 4
            let dot =
                isDelete
                ? states[replica].delete(by: replicas[replica], at: timestamp)
                : states[replica].restore(by: replicas[replica], at: timestamp)
            writes.append(Write(dot: dot, field: Self.deletionField, value: .bool(isDelete), context: context))
        case 6, 7:
            inFlight.append((target: (n / 100) % replicas.count, state: states[replica]))
        default:
            guard !inFlight.isEmpty else { return }
            let index = (n / 10) % inFlight.count
            let message = inFlight[index]
            if (n / 1000) % 2 == 1 { inFlight.remove(at: index) }  // otherwise it may arrive again
            try states[message.target].merge(message.state)
            history.append(states[message.target])
        }
        history.append(states[replica])
    }

    /// Delivers every replica's state to every other replica, in both directions.
    mutating func exchangeEverything() throws {
        for source in states.indices {
            for target in states.indices where target != source {
                try states[target].merge(states[source])
            }
        }
        for source in states.indices.reversed() {
            for target in states.indices where target != source {
                try states[target].merge(states[source])
            }
        }
    }

    /// The siblings of `field` in `state`, with deletes and restores as booleans.
    static func siblings(of field: String, in state: Record) -> [(dot: Dot, value: FieldValue)] {
        if field == deletionField {
            return state.deletion.siblings.map { ($0.dot, FieldValue.bool($0.value.isDeleted)) }
        }
        return (state.fields[field]?.siblings ?? []).map { ($0.dot, $0.value) }
    }

    /// Describes every write that `state` lost: neither kept as a sibling nor superseded by a
    /// write whose context covered it. Also reports siblings that no write made.
    func lostWrites(in state: Record) -> [String] {
        var problems: [String] = []
        for write in writes {
            guard state.version.covers(write.dot) else {
                problems.append("\(write.dot) on \(write.field) is not covered by the final version")
                continue
            }
            let kept = Self.siblings(of: write.field, in: state).contains { $0.dot == write.dot && $0.value == write.value }
            let superseded = writes.contains {
                $0.field == write.field && $0.dot != write.dot && $0.context.covers(write.dot)
            }
            if !kept && !superseded {
                problems.append("\(write.dot) on \(write.field) = \(write.value) vanished")
            }
        }
        for field in Self.fieldNames + [Self.deletionField] {
            for sibling in Self.siblings(of: field, in: state)
            where !writes.contains(where: { $0.dot == sibling.dot && $0.field == field && $0.value == sibling.value }) {
                problems.append("sibling \(sibling.dot) on \(field) was never written")
            }
        }
        return problems
    }
}
