import Foundation

/// The natural order of doors: by street (ignoring case), then by house number with its number
/// taken as a number (`2`, `10`, `10a`, `12`), then by the rest of the number's text.
public enum DoorOrder {
    /// Whether the door at (`street`, `number`) comes before the one at (`otherStreet`, `otherNumber`).
    public static func precedes(_ street: String, _ number: String, _ otherStreet: String, _ otherNumber: String) -> Bool {
        let (left, right) = (street.lowercased(), otherStreet.lowercased())
        if left != right { return left < right }
        let (a, b) = (split(number), split(otherNumber))
        if a.value != b.value { return a.value < b.value }
        return a.rest.lowercased() < b.rest.lowercased()
    }

    /// Whether `door` comes before `other`, by their street and house number fields.
    public static func precedes(_ door: Record, _ other: Record) -> Bool {
        func text(_ record: Record, _ field: String) -> String { record.value(of: field)?.stringValue ?? "" }
        return precedes(
            text(door, HouseholdField.street), text(door, HouseholdField.houseNumber), text(other, HouseholdField.street),
            text(other, HouseholdField.houseNumber))
    }

    /// The leading number of a house number (none sorts after every number) and the text after it.
    private static func split(_ number: String) -> (value: Int, rest: String) {
        let trimmed = number.trimmingCharacters(in: .whitespaces)
        let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, let value = Int(digits.prefix(18)) else { return (Int.max, trimmed) }
        return (value, String(trimmed.dropFirst(digits.count)).trimmingCharacters(in: .whitespaces))
    }
}
