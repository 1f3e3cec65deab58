import Foundation

/// Field names of the visit log inside a door record: one field per visit, written once.
///
/// A visit is the field `visit.<id>` holding `{at, by, outcome, note}`; its withdrawal is the
/// field `visit.<id>.withdrawn` holding `{at, by}`. Visits made while apart touch different
/// fields, so they never conflict.
public enum VisitField {
    /// The prefix of every visit-log field.
    public static let prefix = "visit."
    /// The suffix of a withdrawal field.
    public static let withdrawnSuffix = ".withdrawn"

    /// The field of the visit `id`.
    public static func entry(_ id: String) -> String { prefix + id }

    /// The field of the withdrawal of visit `id`.
    public static func withdrawal(_ id: String) -> String { prefix + id + withdrawnSuffix }

    /// Whether `name` is a field of the visit log.
    public static func isLogField(_ name: String) -> Bool { name.hasPrefix(prefix) }

    /// The visit id of an entry field; nil for other fields.
    public static func entryID(_ name: String) -> String? {
        guard name.hasPrefix(prefix), !name.hasSuffix(withdrawnSuffix) else { return nil }
        let id = String(name.dropFirst(prefix.count))
        return id.isEmpty ? nil : id
    }

    /// The visit id of a withdrawal field; nil for other fields.
    public static func withdrawalID(_ name: String) -> String? {
        guard name.hasPrefix(prefix), name.hasSuffix(withdrawnSuffix) else { return nil }
        let id = String(name.dropFirst(prefix.count).dropLast(withdrawnSuffix.count))
        return id.isEmpty ? nil : id
    }

    /// The legacy fields of doors written before the log: one visit, kept in one register each.
    public static let legacyFields: Set<String> = [HouseholdField.outcome, HouseholdField.visitNote, HouseholdField.visitedBy]

    /// The id of the visit that a legacy sibling written at `dot` reads as.
    public static func legacyID(_ dot: Dot) -> String { "legacy-\(dot.replica)-\(dot.counter)" }
}
