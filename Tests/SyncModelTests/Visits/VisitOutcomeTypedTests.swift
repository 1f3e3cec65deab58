import SyncModel
import Testing

@Suite("VisitOutcome from what a person types")
struct VisitOutcomeTypedTests {
    @Test(
        "codes and labels in German or English, in any case, with hyphens or spaces, give the outcome",
        arguments: [
            ("interviewed", VisitOutcome.interviewed), ("befragt", .interviewed), ("Befragt", .interviewed),
            ("not-home", .notHome), ("nicht zu Hause", .notHome), ("nicht-zu-hause", .notHome), ("not at home", .notHome),
            ("refused", .refused), ("abgelehnt", .refused), ("revisit", .revisit), ("später wiederkommen", .revisit),
            ("wiederkommen", .revisit), ("come back later", .revisit), ("not_home", .notHome),
        ])
    func parses(typed: String, outcome: VisitOutcome) {
        #expect(VisitOutcome(typed: typed) == outcome)
    }

    @Test("anything else is no outcome", arguments: ["", " ", "nicht da", "zuhause", "interview", "ja"])
    func refuses(typed: String) {
        #expect(VisitOutcome(typed: typed) == nil)
    }
}
