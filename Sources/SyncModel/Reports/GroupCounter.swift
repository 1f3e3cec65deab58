/// Counts responses into named groups.
struct GroupCounter {
    /// The groups by name.
    private var counts: [String: GroupCount] = [:]

    /// Counts one response into the group `name`.
    mutating func count(_ name: String, isFinal: Bool) {
        var group = counts[name] ?? GroupCount(name: name, final: 0, drafts: 0)
        if isFinal { group.final += 1 } else { group.drafts += 1 }
        counts[name] = group
    }

    /// Adds the counts of `group` to the group `name`.
    mutating func add(_ group: GroupCount, as name: String) {
        var sum = counts[name] ?? GroupCount(name: name, final: 0, drafts: 0)
        sum.final += group.final
        sum.drafts += group.drafts
        counts[name] = sum
    }

    /// The groups, in name order.
    var groups: [GroupCount] { counts.values.sorted { $0.name < $1.name } }
}
