import PropertyBased
import SyncModel
import Testing

/// Replicas that edit, delete and restore offline and exchange states in any order, with
/// duplicates and reorderings, end identical after a full exchange and lose no write.
@Suite("Convergence properties")
struct ConvergencePropertyTests {
    static let script = Gen.int(in: 0...Int(Int32.max)).array(of: 0...80)
    static let replicaCount = Gen.int(in: 3...5)

    @Test
    func replicasConvergeAfterAFullExchange() async {
        await propertyCheck(count: 1_000, input: Self.replicaCount, Self.script) { count, script in
            var simulation = ReplicaSimulation(replicaCount: count)
            try simulation.run(script)
            try simulation.exchangeEverything()
            let first = simulation.states[0]
            for state in simulation.states.dropFirst() {
                #expect(state == first)
            }
            // Everyone also shows the same values, deletion state and conflicts.
            #expect(Set(simulation.states.map(\.values)).count == 1)
            #expect(Set(simulation.states.map(\.isDeleted)).count == 1)
            #expect(Set(simulation.states.map(\.conflicts)).count == 1)
        }
    }

    @Test
    func noWriteIsLost() async {
        await propertyCheck(count: 1_000, input: Self.replicaCount, Self.script) { count, script in
            var simulation = ReplicaSimulation(replicaCount: count)
            try simulation.run(script)
            try simulation.exchangeEverything()
            #expect(simulation.lostWrites(in: simulation.states[0]) == [])
        }
    }

    @Test
    func everyIntermediateStateLosesNothingItHasSeen() async {
        await propertyCheck(count: 1_000, input: Self.replicaCount, Self.script) { count, script in
            var simulation = ReplicaSimulation(replicaCount: count)
            try simulation.run(script)
            for state in simulation.states {
                let problems = simulation.lostWrites(in: state).filter { !$0.contains("not covered") }
                let unseen = simulation.writes.filter { !state.version.covers($0.dot) }.count
                // Writes a replica has not seen yet are reported as uncovered, and only those.
                #expect(problems == [])
                #expect(simulation.lostWrites(in: state).count == unseen)
            }
        }
    }
}
